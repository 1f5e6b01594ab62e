package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One event of a streamed answer ({@code chat.completion.chunk}): what each choice adds, and on
 * the last chunk, when asked for, the token usage (with {@code choices} then empty). The {@code
 * id}, {@code created} and {@code model} repeat on every chunk. Provider members (Azure's filter
 * results, Groq's {@code x_groq}, an {@code error} sent mid-stream) are kept in {@link
 * #getExtras()} and written back unchanged. Immutable and thread-safe.
 *
 * <pre>{@code
 * for (ChunkChoice choice : chunk.getChoices()) {
 *   String piece = choice.getDelta().getContent(); // null when this chunk carries no text
 * }
 * }</pre>
 *
 * <p>In Kotlin: {@code chunk.choices.firstOrNull()?.delta?.content}.
 */
public final class ChatCompletionChunk {
  static {
    Access.ensureInstalled();
  }

  private final @Nullable String id;
  private final @Nullable String object;
  private final @Nullable Long created;
  final @Nullable String createdText;
  private final @Nullable String model;
  private final List<ChunkChoice> choices;
  private final @Nullable Usage usage;
  private final @Nullable ServiceTier serviceTier;
  private final @Nullable String systemFingerprint;
  private final Map<String, String> extras;

  private ChatCompletionChunk(Builder b) {
    this(b.id, b.object, b.created, b.createdText, b.model, Maps.copyOrEmpty(b.choices), b.usage,
        b.serviceTier, b.systemFingerprint, Maps.copyOrEmpty(b.extras));
  }

  /** Takes {@code choices} and {@code extras} as they are: they must be unmodifiable. */
  ChatCompletionChunk(@Nullable String id, @Nullable String object, @Nullable Long created,
      @Nullable String createdText, @Nullable String model, List<ChunkChoice> choices,
      @Nullable Usage usage, @Nullable ServiceTier serviceTier, @Nullable String systemFingerprint,
      Map<String, String> extras) {
    this.id = id;
    this.object = object;
    this.created = created;
    this.createdText = createdText;
    this.model = model;
    this.choices = choices;
    this.usage = usage;
    this.serviceTier = serviceTier;
    this.systemFingerprint = systemFingerprint;
    this.extras = extras;
  }

  /** Starts building a chunk. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this chunk's values. */
  public Builder toBuilder() {
    Builder b = new Builder().id(id).object(object).created(created).model(model)
        .choices(choices).usage(usage).serviceTier(serviceTier)
        .systemFingerprint(systemFingerprint).extras(extras);
    b.createdText = createdText;
    return b;
  }

  /** The completion's id (the same on every chunk), or null when the provider sent none. */
  public @Nullable String getId() {
    return id;
  }

  /** The object type, {@code chat.completion.chunk}, or null when absent. */
  public @Nullable String getObject() {
    return object;
  }

  /**
   * When the completion was created, in Unix seconds (a fraction is dropped); null when the
   * server sent none (some proxies and local servers omit it).
   */
  public @Nullable Long getCreated() {
    return created;
  }

  /** The model that answered, or null when absent. */
  public @Nullable String getModel() {
    return model;
  }

  /** What each choice adds; empty on the usage-only last chunk. */
  public List<ChunkChoice> getChoices() {
    return choices;
  }

  /** The token usage, on the last chunk when the request asked for it; else null. */
  public @Nullable Usage getUsage() {
    return usage;
  }

  /** The service tier that processed the request, or null when absent. */
  public @Nullable ServiceTier getServiceTier() {
    return serviceTier;
  }

  /** The backend configuration's fingerprint, or null when absent. */
  public @Nullable String getSystemFingerprint() {
    return systemFingerprint;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChatCompletionChunk)) return false;
    ChatCompletionChunk that = (ChatCompletionChunk) o;
    return Objects.equals(created, that.created)
        && Objects.equals(id, that.id)
        && Objects.equals(object, that.object)
        && Objects.equals(model, that.model)
        && choices.equals(that.choices)
        && Objects.equals(usage, that.usage)
        && Objects.equals(serviceTier, that.serviceTier)
        && Objects.equals(systemFingerprint, that.systemFingerprint)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, object, created, model, choices, usage, serviceTier,
        systemFingerprint, extras);
  }

  @Override
  public String toString() {
    return "ChatCompletionChunk{id=" + id + ", object=" + object + ", created=" + created
        + ", model=" + model + ", choices=" + choices + ", usage=" + usage
        + (serviceTier == null ? "" : ", serviceTier=" + serviceTier)
        + (systemFingerprint == null ? "" : ", systemFingerprint=" + systemFingerprint)
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link ChatCompletionChunk}; not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String object;
    private @Nullable Long created;
    @Nullable String createdText;
    private @Nullable String model;
    private @Nullable List<ChunkChoice> choices;
    private boolean choicesOwned;
    private @Nullable Usage usage;
    private @Nullable ServiceTier serviceTier;
    private @Nullable String systemFingerprint;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the id. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Sets the object type. */
    public Builder object(@Nullable String object) {
      this.object = object;
      return this;
    }

    /** Sets the creation time in Unix seconds. */
    public Builder created(@Nullable Long created) {
      this.created = created;
      this.createdText = null;
      return this;
    }

    /** Sets the model. */
    public Builder model(@Nullable String model) {
      this.model = model;
      return this;
    }

    /** Replaces the choices (copied when built). */
    public Builder choices(List<ChunkChoice> choices) {
      this.choices = choices;
      this.choicesOwned = false;
      return this;
    }

    /** Adds a choice. */
    public Builder addChoice(ChunkChoice choice) {
      List<ChunkChoice> list = choices;
      if (list == null || !choicesOwned) {
        list = list == null ? new ArrayList<>() : new ArrayList<>(list);
        choices = list;
        choicesOwned = true;
      }
      list.add(choice);
      return this;
    }

    /** Sets the usage. */
    public Builder usage(@Nullable Usage usage) {
      this.usage = usage;
      return this;
    }

    /** Sets the service tier. */
    public Builder serviceTier(@Nullable ServiceTier serviceTier) {
      this.serviceTier = serviceTier;
      return this;
    }

    /** Sets the system fingerprint. */
    public Builder systemFingerprint(@Nullable String systemFingerprint) {
      this.systemFingerprint = systemFingerprint;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      if (extras == null) extras = new LinkedHashMap<>(4);
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras = extras.isEmpty() ? null : new LinkedHashMap<>(extras);
      return this;
    }

    /** The immutable chunk. */
    public ChatCompletionChunk build() {
      return new ChatCompletionChunk(this);
    }
  }
}
