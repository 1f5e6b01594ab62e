package dev.chatwire;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * When and how long to wait before retrying. ChatWire retries connection failures before any
 * response byte, and HTTP 408, 409, 429 and 5xx; a server's {@code x-should-retry: true|false}
 * overrides that. The delay is the server's {@code retry-after-ms}, else {@code retry-after}
 * (seconds or an HTTP date), else exponential backoff from {@link #getInitialDelay()} doubling up
 * to {@link #getMaxDelay()}, with up to 25% jitter subtracted. A stream that has delivered a byte
 * is never retried: no token is ever delivered twice. Immutable.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.builder().maxRetries(4).build();
 * }</pre>
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxRetries(0).build();

  private final int maxRetries;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration maxServerDelay;

  private RetryPolicy(Builder b) {
    this.maxRetries = b.maxRetries;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.maxServerDelay = b.maxServerDelay;
  }

  /** Two retries, 0.5 s doubling to 8 s, server delays honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** Never retry. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** How many times a call is retried after its first attempt. */
  public int getMaxRetries() {
    return maxRetries;
  }

  /** The backoff before the first retry when the server names no delay. */
  public Duration getInitialDelay() {
    return initialDelay;
  }

  /** The largest backoff. */
  public Duration getMaxDelay() {
    return maxDelay;
  }

  /** The largest server-requested delay honoured; a longer one falls back to backoff. */
  public Duration getMaxServerDelay() {
    return maxServerDelay;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof RetryPolicy)) return false;
    RetryPolicy p = (RetryPolicy) o;
    return maxRetries == p.maxRetries && initialDelay.equals(p.initialDelay)
        && maxDelay.equals(p.maxDelay) && maxServerDelay.equals(p.maxServerDelay);
  }

  @Override
  public int hashCode() {
    return ((maxRetries * 31 + initialDelay.hashCode()) * 31 + maxDelay.hashCode()) * 31
        + maxServerDelay.hashCode();
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxRetries=" + maxRetries + ", initialDelay=" + initialDelay
        + ", maxDelay=" + maxDelay + ", maxServerDelay=" + maxServerDelay + '}';
  }

  /** Builds a {@link RetryPolicy}; not thread-safe. */
  public static final class Builder {
    private int maxRetries = 2;
    private Duration initialDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(8);
    private Duration maxServerDelay = Duration.ofSeconds(60);

    Builder() {}

    /** Sets how many retries follow the first attempt (0 or more). */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0) throw new IllegalArgumentException("maxRetries < 0: " + maxRetries);
      this.maxRetries = maxRetries;
      return this;
    }

    /** Sets the first backoff delay. */
    public Builder initialDelay(Duration initialDelay) {
      if (initialDelay.isNegative()) throw new IllegalArgumentException("negative initialDelay");
      this.initialDelay = initialDelay;
      return this;
    }

    /** Sets the largest backoff delay. */
    public Builder maxDelay(Duration maxDelay) {
      if (maxDelay.isNegative()) throw new IllegalArgumentException("negative maxDelay");
      this.maxDelay = maxDelay;
      return this;
    }

    /** Sets the largest server-requested delay that is honoured. */
    public Builder maxServerDelay(Duration maxServerDelay) {
      if (maxServerDelay.isNegative()) throw new IllegalArgumentException("negative delay");
      this.maxServerDelay = maxServerDelay;
      return this;
    }

    /** The immutable policy. */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
