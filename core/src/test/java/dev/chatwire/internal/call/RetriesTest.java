package dev.chatwire.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.RetryPolicy;
import dev.chatwire.transport.Headers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetriesTest {
  private static final RetryPolicy POLICY = RetryPolicy.defaults();
  private static final long NOW = 1_445_412_480_000L; // Wed, 21 Oct 2015 07:28:00 GMT

  @Test
  void retryableStatusesAre408And409And429And5xx() {
    for (int s : new int[] {408, 409, 429, 500, 502, 503, 504, 529}) {
      assertThat(Retries.isRetryable(s, Headers.EMPTY)).as("status %d", s).isTrue();
    }
    for (int s : new int[] {400, 401, 403, 404, 422}) {
      assertThat(Retries.isRetryable(s, Headers.EMPTY)).as("status %d", s).isFalse();
    }
  }

  @Test
  void shouldRetryHeaderOverridesTheStatus() {
    assertThat(Retries.isRetryable(400, Headers.of("X-Should-Retry", "true"))).isTrue();
    assertThat(Retries.isRetryable(503, Headers.of("x-should-retry", "false"))).isFalse();
    assertThat(Retries.isRetryable(503, Headers.of("x-should-retry", "maybe"))).isTrue();
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    Headers h = Headers.of("retry-after-ms", "1500", "retry-after", "30");
    assertThat(Retries.delayNanos(POLICY, 1, h, NOW, 0)).isEqualTo(Duration.ofMillis(1500).toNanos());
  }

  @Test
  void retryAfterSecondsIsHonoured() {
    assertThat(Retries.delayNanos(POLICY, 1, Headers.of("retry-after", "3"), NOW, 0.9))
        .isEqualTo(Duration.ofSeconds(3).toNanos());
  }

  @Test
  void retryAfterHttpDateIsMeasuredFromNow() {
    Headers h = Headers.of("retry-after", "Wed, 21 Oct 2015 07:28:05 GMT");
    assertThat(Retries.delayNanos(POLICY, 1, h, NOW, 0)).isEqualTo(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void serverDelayBeyondTheCapMeansNoRetry() {
    Headers h = Headers.of("retry-after", "3600");
    assertThat(Retries.delayNanos(POLICY, 1, h, NOW, 0)).isEqualTo(-1);
  }

  @Test
  void garbageRetryAfterFallsBackToBackoff() {
    Headers h = Headers.of("retry-after", "soon", "retry-after-ms", "-5");
    assertThat(Retries.delayNanos(POLICY, 2, h, NOW, 0)).isEqualTo(Duration.ofSeconds(1).toNanos());
  }

  @Test
  void backoffDoublesUpToTheCapWithJitterSubtracted() {
    assertThat(Retries.delayNanos(POLICY, 1, null, NOW, 0)).isEqualTo(500_000_000L);
    assertThat(Retries.delayNanos(POLICY, 3, null, NOW, 0)).isEqualTo(2_000_000_000L);
    assertThat(Retries.delayNanos(POLICY, 30, null, NOW, 0)).isEqualTo(8_000_000_000L);
    assertThat(Retries.delayNanos(POLICY, 1, null, NOW, 0.999)).isBetween(375_000_000L, 376_000_000L);
  }
}
