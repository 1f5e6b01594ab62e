package dev.chatwire.internal.call;

import dev.chatwire.RetryPolicy;
import dev.chatwire.internal.RetryAfter;
import dev.chatwire.transport.Headers;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Which responses are retried, and after how long. */
public final class Retries {
  private Retries() {}

  /** Whether an HTTP status is retryable, unless {@code x-should-retry} says otherwise. */
  public static boolean isRetryable(int status, Headers headers) {
    String should = headers.get("x-should-retry");
    if (should != null) {
      String s = should.trim().toLowerCase(Locale.ROOT);
      if (s.equals("true")) return true;
      if (s.equals("false")) return false;
    }
    return status == 408 || status == 409 || status == 429 || status >= 500;
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry): the server's, when it
   * names one, else exponential backoff with up to 25% jitter subtracted. -1 when the server asks
   * for longer than the policy's {@code maxServerDelay}: retrying sooner would only be refused.
   *
   * @param jitter a number in [0, 1) drawn by the caller
   */
  public static long delayNanos(
      RetryPolicy policy, int retry, @Nullable Headers headers, long nowEpochMillis, double jitter) {
    if (headers != null) {
      Long server = serverDelayNanos(headers, nowEpochMillis);
      if (server != null) return server <= policy.getMaxServerDelay().toNanos() ? server : -1;
    }
    long initial = policy.getInitialDelay().toNanos();
    long cap = policy.getMaxDelay().toNanos();
    long backoff = initial;
    for (int i = 1; i < retry && backoff < cap; i++) backoff *= 2;
    backoff = Math.min(backoff, cap);
    return (long) (backoff * (1.0 - 0.25 * jitter));
  }

  /** The delay the server asked for, or null when it asked for none (or said nothing usable). */
  static @Nullable Long serverDelayNanos(Headers headers, long nowEpochMillis) {
    return RetryAfter.nanos(headers, nowEpochMillis);
  }
}
