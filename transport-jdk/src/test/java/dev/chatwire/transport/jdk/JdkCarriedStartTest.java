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
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting();
    ExchangeDriver driver = new ExchangeDriver(handler);
    driver.open(transport, request());
    CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    Thread carrier = new Thread(() -> {
      driver.start(true);
      interruptedAfter.complete(Thread.currentThread().isInterrupted());
    }, "carrier");
    carrier.start();
    RecordedRequest r = server.takeRequest(WAIT);
    assertThat(r).as("the request was sent").isNotNull();

    driver.cancel(); // the carrier waits inside send() meanwhile: the server has its request

    assertThat(interruptedAfter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("the carrier's interrupt status after the cancel").isFalse();
    assertThat(r.awaitClosed(WAIT)).as("the JDK aborted the exchange").isTrue();
    assertThat(handler.status()).as("no head").isEqualTo(-1);
  }

  @Test
  void aCallersInterruptIsKeptWhenACancelComesRightAfterIt() throws Exception {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting();
    ExchangeDriver driver = new ExchangeDriver(handler);
    driver.open(transport, request());
    CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    Thread carrier = new Thread(() -> {
      driver.start(true);
      interruptedAfter.complete(Thread.currentThread().isInterrupted());
    }, "carrier");
    carrier.start();
    RecordedRequest r = server.takeRequest(WAIT);
    assertThat(r).as("the request was sent").isNotNull();

    carrier.interrupt(); // the caller's own, as a user's "stop" would
    driver.cancel(); // and a cancel, as core's answer to it or a timeout, whichever lands first

    assertThat(interruptedAfter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .as("the caller's interrupt status after the start").isTrue();
    assertThat(r.awaitClosed(WAIT)).as("the JDK aborted the exchange").isTrue();
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
