package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The request's {@code audio} parameters for spoken output: the {@code voice} (such as
 * {@code alloy}) and the {@code format} (such as {@code wav} or {@code mp3}). A custom voice
 * given as an object ({@code {"id":"voice_1234"}}) is kept whole in {@link #getExtras()} under
 * {@code voice}. Immutable and thread-safe.
 */
public final class AudioParams {
  private final @Nullable String voice;
  private final @Nullable String format;
  private final Map<String, String> extras;

  private AudioParams(Builder b) {
    this.voice = b.voice;
    this.format = b.format;
    this.extras = Maps.copy(b.extras);
  }

  /** Audio output with a built-in voice and a format. */
  public static AudioParams of(String voice, String format) {
    return builder().voice(voice).format(format).build();
  }

  /** Starts building audio parameters. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these parameters' values. */
  public Builder toBuilder() {
    return new Builder().voice(voice).format(format).extras(extras);
  }

  /** The built-in voice's name, or null when absent or given as an object. */
  public @Nullable String getVoice() {
    return voice;
  }

  /** The output audio format, or null when absent. */
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
    if (!(o instanceof AudioParams)) return false;
    AudioParams that = (AudioParams) o;
    return Objects.equals(voice, that.voice)
        && Objects.equals(format, that.format)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(voice, format, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("AudioParams")
        .add("voice", voice).add("format", format).add("extras", extras).toString();
  }

  /** Builds {@link AudioParams}; not thread-safe. */
  public static final class Builder {
    private @Nullable String voice;
    private @Nullable String format;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the built-in voice. */
    public Builder voice(@Nullable String voice) {
      this.voice = voice;
      return this;
    }

    /** Sets the output format. */
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
     * The immutable parameters.
     *
     * @throws IllegalStateException when both a voice name and a {@code voice} extra are set
     */
    public AudioParams build() {
      if (voice != null && extras.containsKey("voice")) {
        throw new IllegalStateException("voice is set both by name and as an extra");
      }
      return new AudioParams(this);
    }
  }
}
