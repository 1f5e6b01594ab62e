package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code input_audio} of an audio content part: base64 {@code data} and its {@code format}
 * ({@code wav}, {@code mp3}). {@code toString()} abbreviates the data. Immutable and thread-safe.
 */
public final class InputAudio {
  private final String data;
  private final @Nullable String format;
  private final Map<String, String> extras;

  private InputAudio(Builder b) {
    this.data = Objects.requireNonNull(b.data, "data");
    this.format = b.format;
    this.extras = Maps.copy(b.extras);
  }

  /** Base64 audio in a format. */
  public static InputAudio of(String data, String format) {
    return builder().data(data).format(format).build();
  }

  /** Starts building input audio. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this audio's values. */
  public Builder toBuilder() {
    return new Builder().data(data).format(format).extras(extras);
  }

  /** The base64-encoded audio. */
  public String getData() {
    return data;
  }

  /** The audio format, or null when absent. */
  public @Nullable String getFormat() {
    return format;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof InputAudio)) return false;
    InputAudio that = (InputAudio) o;
    return data.equals(that.data)
        && Objects.equals(format, that.format)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(data, format, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("InputAudio")
        .add("data", data).add("format", format).add("extras", extras).toString();
  }

  /** Builds {@link InputAudio}; not thread-safe. */
  public static final class Builder {
    private @Nullable String data;
    private @Nullable String format;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the base64 data (required). */
    public Builder data(String data) {
      this.data = data;
      return this;
    }

    /** Sets the format. */
    public Builder format(@Nullable String format) {
      this.format = format;
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
     * The immutable input audio.
     *
     * @throws IllegalStateException when the data is missing
     */
    public InputAudio build() {
      if (data == null) throw new IllegalStateException("input audio data is required");
      return new InputAudio(this);
    }
  }
}
