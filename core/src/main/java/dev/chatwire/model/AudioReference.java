package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code audio} of an assistant message sent back in a later request: the {@code id} of
 * audio the model produced earlier, so it need not be uploaded again. Immutable and thread-safe.
 */
public final class AudioReference {
  private final String id;
  private final Map<String, String> extras;

  private AudioReference(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.extras = Maps.copy(b.extras);
  }

  /** A reference to earlier audio by its id. */
  public static AudioReference of(String id) {
    return builder().id(id).build();
  }

  /** Starts building an audio reference. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this reference's values. */
  public Builder toBuilder() {
    return new Builder().id(id).extras(extras);
  }

  /** The id of the earlier audio response. */
  public String getId() {
    return id;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof AudioReference)) return false;
    AudioReference that = (AudioReference) o;
    return id.equals(that.id) && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("AudioReference").add("id", id).add("extras", extras).toString();
  }

  /** Builds an {@link AudioReference}; not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the id (required). */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras.clear();
      this.extras.putAll(extras);
      return this;
    }

    /**
     * The immutable reference.
     *
     * @throws IllegalStateException when the id is missing
     */
    public AudioReference build() {
      if (id == null) throw new IllegalStateException("audio reference id is required");
      return new AudioReference(this);
    }
  }
}
