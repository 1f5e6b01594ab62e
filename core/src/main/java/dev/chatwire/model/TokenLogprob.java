package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The log probability of one generated token, with the most likely alternatives at its position:
 * an entry of {@link Logprobs#getContent()} or {@link Logprobs#getRefusal()}. Immutable and
 * thread-safe.
 */
public final class TokenLogprob {
  private final String token;
  private final double logprob;
  private final @Nullable List<Integer> bytes;
  private final List<TopLogprob> topLogprobs;
  private final Map<String, String> extras;

  private TokenLogprob(Builder b) {
    this.token = b.token;
    this.logprob = b.logprob;
    this.bytes = Maps.copyOrNull(b.bytes);
    this.topLogprobs = Maps.copyOrEmpty(b.topLogprobs);
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building an entry. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this entry's values. */
  public Builder toBuilder() {
    return new Builder().token(token).logprob(logprob).bytes(bytes).topLogprobs(topLogprobs)
        .extras(extras);
  }

  /** The token text; empty when the provider omitted it. */
  public String getToken() {
    return token;
  }

  /** The log probability of the token. */
  public double getLogprob() {
    return logprob;
  }

  /** The UTF-8 bytes of the token, or null when absent (tokens that are not whole characters). */
  public @Nullable List<Integer> getBytes() {
    return bytes;
  }

  /** The most likely tokens at this position; empty when none were asked for. */
  public List<TopLogprob> getTopLogprobs() {
    return topLogprobs;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof TokenLogprob)) return false;
    TokenLogprob that = (TokenLogprob) o;
    return token.equals(that.token)
        && Double.compare(logprob, that.logprob) == 0
        && Objects.equals(bytes, that.bytes)
        && topLogprobs.equals(that.topLogprobs)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, logprob, bytes, topLogprobs, extras);
  }

  @Override
  public String toString() {
    return "TokenLogprob{token=" + token + ", logprob=" + logprob + ", bytes=" + bytes
        + ", topLogprobs=" + topLogprobs + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link TokenLogprob}; not thread-safe. */
  public static final class Builder {
    private String token = "";
    private double logprob;
    private @Nullable List<Integer> bytes;
    private @Nullable List<TopLogprob> topLogprobs;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the token text. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** Sets the log probability. */
    public Builder logprob(double logprob) {
      this.logprob = logprob;
      return this;
    }

    /** Sets the token's UTF-8 bytes. */
    public Builder bytes(@Nullable List<Integer> bytes) {
      this.bytes = bytes;
      return this;
    }

    /** Replaces the most likely alternatives. */
    public Builder topLogprobs(List<TopLogprob> topLogprobs) {
      this.topLogprobs = new ArrayList<>(topLogprobs);
      return this;
    }

    /** Adds one of the most likely alternatives. */
    public Builder addTopLogprob(TopLogprob topLogprob) {
      if (topLogprobs == null) topLogprobs = new ArrayList<>();
      topLogprobs.add(topLogprob);
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

    /** The immutable entry. */
    public TokenLogprob build() {
      return new TokenLogprob(this);
    }
  }
}
