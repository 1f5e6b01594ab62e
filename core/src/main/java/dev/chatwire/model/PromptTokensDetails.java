package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A breakdown of the prompt tokens: those served from the prompt cache and those that were audio.
 * Providers send some, all or none of them. Immutable and thread-safe.
 */
public final class PromptTokensDetails {
  private final @Nullable Integer cachedTokens;
  private final @Nullable Integer audioTokens;
  private final Map<String, String> extras;

  private PromptTokensDetails(Builder b) {
    this.cachedTokens = b.cachedTokens;
    this.audioTokens = b.audioTokens;
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building details. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these values. */
  public Builder toBuilder() {
    return new Builder().cachedTokens(cachedTokens).audioTokens(audioTokens).extras(extras);
  }

  /** Prompt tokens read from the cache, or null when absent. */
  public @Nullable Integer getCachedTokens() {
    return cachedTokens;
  }

  /** Audio tokens in the prompt, or null when absent. */
  public @Nullable Integer getAudioTokens() {
    return audioTokens;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof PromptTokensDetails)) return false;
    PromptTokensDetails that = (PromptTokensDetails) o;
    return Objects.equals(cachedTokens, that.cachedTokens)
        && Objects.equals(audioTokens, that.audioTokens)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cachedTokens, audioTokens, extras);
  }

  @Override
  public String toString() {
    return "PromptTokensDetails{cachedTokens=" + cachedTokens + ", audioTokens=" + audioTokens
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds {@link PromptTokensDetails}; not thread-safe. */
  public static final class Builder {
    private @Nullable Integer cachedTokens;
    private @Nullable Integer audioTokens;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the cached prompt tokens. */
    public Builder cachedTokens(@Nullable Integer cachedTokens) {
      this.cachedTokens = cachedTokens;
      return this;
    }

    /** Sets the audio prompt tokens. */
    public Builder audioTokens(@Nullable Integer audioTokens) {
      this.audioTokens = audioTokens;
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

    /** The immutable details. */
    public PromptTokensDetails build() {
      return new PromptTokensDetails(this);
    }
  }
}
