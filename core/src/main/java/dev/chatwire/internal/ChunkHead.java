package dev.chatwire.internal;

import dev.chatwire.model.ServiceTier;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The members a stream repeats on every chunk ({@code id}, {@code object}, {@code created},
 * {@code model}, {@code service_tier}, {@code system_fingerprint}), held by a chunk in one object
 * that the chunks of a stream share while they repeat them. Immutable.
 */
public final class ChunkHead {
  /** The head with no members. */
  public static final ChunkHead EMPTY = new ChunkHead(null, null, null, null, null, null, null);

  private final @Nullable String id;
  private final @Nullable String object;
  private final @Nullable Long created;
  private final @Nullable String createdText;
  private final @Nullable String model;
  private final @Nullable ServiceTier serviceTier;
  private final @Nullable String systemFingerprint;

  private ChunkHead(@Nullable String id, @Nullable String object, @Nullable Long created,
      @Nullable String createdText, @Nullable String model, @Nullable ServiceTier serviceTier,
      @Nullable String systemFingerprint) {
    this.id = id;
    this.object = object;
    this.created = created;
    this.createdText = createdText;
    this.model = model;
    this.serviceTier = serviceTier;
    this.systemFingerprint = systemFingerprint;
  }

  /**
   * The head of these values: {@code last} when it holds the same ones (streams repeat them), the
   * empty head when all are null, else a new one. {@code createdText} is the source text of a
   * {@code created} that was not written as an integer (kept to write it back as it came), else
   * null.
   */
  public static ChunkHead of(@Nullable ChunkHead last, @Nullable String id,
      @Nullable String object, @Nullable Long created, @Nullable String createdText,
      @Nullable String model, @Nullable ServiceTier serviceTier,
      @Nullable String systemFingerprint) {
    if (last != null && Objects.equals(last.id, id) && Objects.equals(last.object, object)
        && Objects.equals(last.created, created)
        && Objects.equals(last.createdText, createdText) && Objects.equals(last.model, model)
        && Objects.equals(last.serviceTier, serviceTier)
        && Objects.equals(last.systemFingerprint, systemFingerprint)) {
      return last;
    }
    if (id == null && object == null && created == null && createdText == null && model == null
        && serviceTier == null && systemFingerprint == null) {
      return EMPTY;
    }
    return new ChunkHead(id, object, created, createdText, model, serviceTier,
        systemFingerprint);
  }

  /** The {@code id}. */
  public @Nullable String id() {
    return id;
  }

  /** The {@code object}. */
  public @Nullable String object() {
    return object;
  }

  /** The {@code created} seconds. */
  public @Nullable Long created() {
    return created;
  }

  /** The source text of a {@code created} that was not an integer, else null. */
  public @Nullable String createdText() {
    return createdText;
  }

  /** The {@code model}. */
  public @Nullable String model() {
    return model;
  }

  /** The {@code service_tier}. */
  public @Nullable ServiceTier serviceTier() {
    return serviceTier;
  }

  /** The {@code system_fingerprint}. */
  public @Nullable String systemFingerprint() {
    return systemFingerprint;
  }
}
