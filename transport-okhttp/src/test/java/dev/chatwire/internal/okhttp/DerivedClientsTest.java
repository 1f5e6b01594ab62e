package dev.chatwire.internal.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class DerivedClientsTest {
  private final OkHttpClient callers = new OkHttpClient.Builder()
      .connectTimeout(7, TimeUnit.SECONDS)
      .readTimeout(30, TimeUnit.SECONDS)
      .callTimeout(60, TimeUnit.SECONDS)
      .build();
  private final DerivedClients clients = new DerivedClients(callers);

  @Test
  void turnsOffRetryAndTheReadAndCallTimeouts() {
    OkHttpClient base = clients.base();

    assertThat(base.retryOnConnectionFailure()).isFalse();
    assertThat(base.readTimeoutMillis()).isZero();
    assertThat(base.callTimeoutMillis()).isZero();
    assertThat(base.connectTimeoutMillis()).isEqualTo(7000);
  }

  @Test
  void leavesTheCallersClientAsItWas() {
    assertThat(callers.retryOnConnectionFailure()).isTrue();
    assertThat(callers.readTimeoutMillis()).isEqualTo(30_000);
  }

  @Test
  void sharesTheCallersPoolAndDispatcher() {
    OkHttpClient derived = clients.forConnectTimeout(Duration.ofSeconds(3));

    assertThat(derived.connectionPool()).isSameAs(callers.connectionPool());
    assertThat(derived.dispatcher()).isSameAs(callers.dispatcher());
  }

  @Test
  void noConnectTimeoutMeansTheCallersOwn() {
    assertThat(clients.forConnectTimeout(null)).isSameAs(clients.base());
    assertThat(clients.forConnectTimeout(Duration.ofSeconds(7))).isSameAs(clients.base());
  }

  @Test
  void cachesOneClientPerDistinctConnectTimeout() {
    OkHttpClient three = clients.forConnectTimeout(Duration.ofSeconds(3));

    assertThat(three.connectTimeoutMillis()).isEqualTo(3000);
    assertThat(three.retryOnConnectionFailure()).isFalse();
    assertThat(clients.forConnectTimeout(Duration.ofMillis(3000))).isSameAs(three);
    assertThat(clients.forConnectTimeout(Duration.ofSeconds(4))).isNotSameAs(three);
    assertThat(clients.cachedCount()).isEqualTo(2);
  }

  @Test
  void stopsCachingPastTheLimit() {
    for (int i = 1; i <= 40; i++) clients.forConnectTimeout(Duration.ofMillis(i));

    assertThat(clients.cachedCount()).isEqualTo(16);
    assertThat(clients.forConnectTimeout(Duration.ofMillis(40)).connectTimeoutMillis())
        .isEqualTo(40);
  }

  @Test
  void roundsSubMillisecondTimeoutsUpAndZeroMeansNone() {
    assertThat(DerivedClients.toMillis(Duration.ofNanos(1))).isEqualTo(1);
    assertThat(DerivedClients.toMillis(Duration.ZERO)).isZero();
    assertThat(DerivedClients.toMillis(Duration.ofSeconds(-1))).isZero();
    assertThat(DerivedClients.toMillis(Duration.ofDays(365))).isEqualTo(Integer.MAX_VALUE);
  }
}
