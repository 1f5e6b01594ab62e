package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.wire.ExchangeDriver;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.transport.HttpRequest;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking call's first attempt in clear text is carried on its caller's thread by {@code
 * HttpClient.send} up to the head; a cancel from another thread ends it by interrupting the
 * carrier, whose interrupt status is then taken back; over TLS (maybe HTTP/2, a shared
 * connection) it is started as any other.
 */
class JdkCarriedStartTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final Gate gate = new Gate();
  private ChatServer server = ChatServer.start();
  private JdkTransport transport = JdkTransport.create();

  @AfterEach
  void tearDown() {
    gate.release();
    transport.close();
    server.close();
  }

  private HttpRequest request() {
    return HttpRequest.builder()
        .method("POST")
        .uri(server.url("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void aClearTextStartOnTheCallerReturnsOnlyOnceTheHeadIsReported() throws Exception {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting();
    ExchangeDriver driver = new ExchangeDriver(handler);
    assertThat(driver.open(transport, request())).as("carries a caller's start").isTrue();
    Thread caller = Thread.currentThread();
    Thread releaser = new Thread(() -> {
      // The head is let go once the caller waits inside its start: a start handed to another
      // thread has returned by then, and finds no head.
      server.takeRequest(WAIT);
      long end = System.nanoTime() + WAIT.toNanos();
      while (caller.getState() != Thread.State.WAITING && System.nanoTime() < end) {
        Thread.onSpinWait();
      }
      gate.release();
    }, "head-releaser");
    releaser.start();

    driver.start(true);

    assertThat(handler.status()).as("the head, reported before start returned").isEqualTo(200);
    driver.cancel();
    releaser.join(WAIT.toMillis());
  }

  @Test
  void aCancelFromAnotherThreadEndsTheCarriedStartAndTakesItsInterruptBack() throws Exception {
    Carried c = carryUntilTheHeadIsAwaited();

    c.driver.cancel(); // the carrier waits inside send() meanwhile: the server has its request

    assertThat(c.interruptedAfter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("the carrier's interrupt status after the cancel").isFalse();
    assertThat(c.request().awaitClosed(WAIT)).as("the JDK aborted the exchange").isTrue();
    assertThat(c.handler.status()).as("no head").isEqualTo(-1);
  }

  @Test
  void aCallersInterruptIsKeptWhenACancelComesRightAfterIt() throws Exception {
    Carried c = carryUntilTheHeadIsAwaited();

    c.carrier.interrupt(); // the caller's own, as a user's "stop" would
    c.driver.cancel(); // and a cancel, as core's answer to it or a timeout, whichever lands first

    assertThat(c.interruptedAfter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("the caller's interrupt status after the start").isTrue();
    assertThat(c.request().awaitClosed(WAIT)).as("the JDK aborted the exchange").isTrue();
  }

  /** An exchange whose head the server holds back, carried by a thread of its own. */
  private static final class Carried {
    final RecordingHandler handler = RecordingHandler.collecting();
    final ExchangeDriver driver = new ExchangeDriver(handler);
    /** Whether the carrier's interrupt status is set once its start returned. */
    final CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    final Thread carrier = new Thread(() -> {
      driver.start(true);
      interruptedAfter.complete(Thread.currentThread().isInterrupted());
    }, "carrier");
    /** The request as the server got it; set once it did. */
    @Nullable RecordedRequest request;

    RecordedRequest request() {
      RecordedRequest r = request;
      assertThat(r).as("the request was sent").isNotNull();
      return java.util.Objects.requireNonNull(r);
    }
  }

  /** Starts a {@link Carried} once the server has its request: the carrier waits in send(). */
  private Carried carryUntilTheHeadIsAwaited() {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
    Carried c = new Carried();
    c.driver.open(transport, request());
    c.carrier.start();
    c.request = server.takeRequest(WAIT);
    c.request();
    return c;
  }

  @Test
  void overTlsTheStartIsNotCarriedOnTheCaller() throws Exception {
    transport.close();
    server.close();
    server = ChatServer.startTls();
    transport = JdkTransport.create(
        HttpClient.newBuilder().sslContext(server.clientSslContext()).build());
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting();
    ExchangeDriver driver = new ExchangeDriver(handler);

    assertThat(driver.open(transport, request())).as("carries a caller's start").isFalse();
    CompletableFuture<Void> started = CompletableFuture.runAsync(() -> driver.start(true));

    started.get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // while the head is held back
    assertThat(server.takeRequest(WAIT)).as("the request was sent").isNotNull();
    gate.release();
    assertThat(handler.awaitResponse(WAIT)).isTrue();
    assertThat(handler.status()).isEqualTo(200);
    driver.cancel();
  }
}
