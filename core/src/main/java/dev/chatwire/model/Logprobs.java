package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The log probabilities of a choice's tokens: of the content, and of the refusal when the model
 * refused. In a stream chunk, those of the tokens in that chunk. Immutable and thread-safe.
 */
public final class Logprobs {
  private final @Nullable List<TokenLogprob> content;
  private final @Nullable List<TokenLogprob> refusal;
  private final Map<String, String> extras;

  private Logprobs(Builder b) {
    this.content = Maps.copyOrNull(b.content);
    this.refusal = Maps.copyOrNull(b.refusal);
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building log probabilities. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these values. */
  public Builder toBuilder() {
    return new Builder().content(content).refusal(refusal).extras(extras);
  }

  /** The content tokens' log probabilities, or null when absent or null. */
  public @Nullable List<TokenLogprob> getContent() {
    return content;
  }

  /** The refusal tokens' log probabilities, or null when absent or null. */
  public @Nullable List<TokenLogprob> getRefusal() {
    return refusal;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Logprobs)) return false;
    Logprobs that = (Logprobs) o;
    return Objects.equals(content, that.content)
        && Objects.equals(refusal, that.refusal)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(content, refusal, extras);
  }

  @Override
  public String toString() {
    return "Logprobs{content=" + content + ", refusal=" + refusal
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds {@link Logprobs}; not thread-safe. */
  public static final class Builder {
    private @Nullable List<TokenLogprob> content;
    private @Nullable List<TokenLogprob> refusal;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the content tokens' log probabilities. */
    public Builder content(@Nullable List<TokenLogprob> content) {
      this.content = content;
      return this;
    }

    /** Sets the refusal tokens' log probabilities. */
    public Builder refusal(@Nullable List<TokenLogprob> refusal) {
      this.refusal = refusal;
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

    /** The immutable log probabilities. */
    public Logprobs build() {
      return new Logprobs(this);
    }
  }
}
