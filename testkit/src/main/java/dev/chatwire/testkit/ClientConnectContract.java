package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectTimeoutException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.testkit.internal.Sockets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * Connecting, as every transport must let the client see it: the connect timer on virtual time,
 * failures that name the host, port and real cause, and a closed client or transport refusing
 * calls at once. Extend {@link ClientContract}, not this.
 */
public abstract class ClientConnectContract extends ClientHarness {

  /** Records every retry the client schedules. */
  static final class RetryLog extends EventListener {
    final List<ChatWireException> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
      reasons.add(reason);
    }
  }

  @Test
  void aRefusedConnectionIsRetriedThenReportedWithHostPortAndCause() throws Exception {
    int port = Sockets.closedPort();
    RetryLog retries = new RetryLog();
    ChatWire c = client(b -> b.baseUrl("http://127.0.0.1:" + port + "/v1")
        .scheduler(Scheduler.system()).eventListener(retries)
        .retryPolicy(RetryPolicy.builder().maxRetries(1).initialDelay(Duration.ZERO).build()));

    assertThatThrownBy(() -> c.chat().create(request()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("could not connect to 127.0.0.1:" + port)
        .hasMessageContaining("refused");
    assertThat(retries.reasons).hasSize(1);
  }

  @Test
  void anUnknownHostIsReportedAsSuchWithItsPort() {
    ChatWire c = client(b -> b.baseUrl("http://no-such-host.invalid:8080/v1")
        .retryPolicy(RetryPolicy.none()));

    assertThatThrownBy(() -> c.chat().create(request()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("no-such-host.invalid:8080")
        .hasMessageContaining("unknown host");
  }

  @Test
  void aConnectThatHangsEndsWithConnectTimeoutOnVirtualTime() throws Exception {
    try (Sockets.Unresponsive hanging = Sockets.unresponsiveListener()) {
      assumeTrue(hanging != null, "this kernel refuses instead");
      ChatWire c = client(b -> b
          .baseUrl("http://127.0.0.1:" + hanging.address().getPort() + "/v1")
          .retryPolicy(RetryPolicy.none())
          .timeouts(Timeouts.builder().connect(Duration.ofSeconds(30)).build()));
      CompletableFuture<ChatCompletion> f = c.chat().createAsync(request());

      time.advance(Duration.ofSeconds(29));
      assertThat(f).isNotDone();
      time.advance(Duration.ofSeconds(1));

      ExecutionException e =
          catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
      assertThat(e.getCause()).isInstanceOf(ConnectTimeoutException.class)
          .hasMessageContaining("30000 ms");
    }
  }

  /**
   * TLS verification is on by default: a server whose certificate the JVM does not trust (the
   * testkit's self-signed one) is refused during the handshake, before any request byte, so the
   * key is never sent; the failure says so and keeps the handshake error as its cause.
   */
  @Test
  void aServerTheJvmDoesNotTrustIsRefusedBeforeAnyRequest() {
    try (ChatServer tls = ChatServer.startTls()) {
      tls.enqueue(MockResponse.json(completionJson("never")));
      ChatWire c = client(b -> b.baseUrl(tls.url("/v1").toString())
          .retryPolicy(RetryPolicy.none()));

      ConnectionException e =
          catchThrowableOfType(ConnectionException.class, () -> c.chat().create(request()));

      assertThat(e).as("a ConnectionException").isNotNull();
      assertThat(chain(e)).as("the causes of %s", e).anyMatch(t -> t instanceof SSLException);
      assertThat(e.getMessage()).contains("127.0.0.1:" + tls.getPort());
      assertThat(tls.getRequestCount()).isZero();
    }
  }

  private static List<Throwable> chain(Throwable e) {
    List<Throwable> all = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && all.size() < 20; t = t.getCause()) all.add(t);
    return all;
  }

  @Test
  void aClosedClientRefusesCallsAtOnceAndSendsNothing() {
    server.enqueue(MockResponse.json(completionJson("never")));
    ChatWire c = client();
    c.close();

    assertThatThrownBy(() -> c.chat().create(request()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> c.chat().streamAsync(request(), chunk -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(server.takeRequest(Duration.ZERO)).isNull();
  }

  @Test
  void aClosedTransportRefusesCallsAtOnceWithoutRetry() {
    server.enqueue(MockResponse.json(completionJson("never")));
    RetryLog retries = new RetryLog();
    ChatWire c = client(b -> b.eventListener(retries));
    transport().close();

    assertThatThrownBy(() -> c.chat().create(request()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> c.chat().stream(request()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(retries.reasons).isEmpty();
    assertThat(server.takeRequest(Duration.ZERO)).isNull();
  }
}
