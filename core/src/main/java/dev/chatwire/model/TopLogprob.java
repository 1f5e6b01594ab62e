package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One of the most likely tokens at a position, with its log probability: an entry of {@link
 * TokenLogprob#getTopLogprobs()}. Immutable and thread-safe.
 */
public final class TopLogprob {
  private final String token;
  private final double logprob;
  private final @Nullable List<Integer> bytes;
  private final Map<String, String> extras;

  private TopLogprob(Builder b) {
    this.token = b.token;
    this.logprob = b.logprob;
    this.bytes = Maps.copyOrNull(b.bytes);
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building an entry. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this entry's values. */
  public Builder toBuilder() {
    return new Builder().token(token).logprob(logprob).bytes(bytes).extras(extras);
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

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof TopLogprob)) return false;
    TopLogprob that = (TopLogprob) o;
    return token.equals(that.token)
        && Double.compare(logprob, that.logprob) == 0
        && Objects.equals(bytes, that.bytes)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(token, logprob, bytes, extras);
  }

  @Override
  public String toString() {
    return "TopLogprob{token=" + token + ", logprob=" + logprob + ", bytes=" + bytes
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link TopLogprob}; not thread-safe. */
  public static final class Builder {
    private String token = "";
    private double logprob;
    private @Nullable List<Integer> bytes;
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
    public TopLogprob build() {
      return new TopLogprob(this);
    }
  }
}
