package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.wire.ExchangeDriver;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
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
 * A blocking call's first attempt is carried on its caller's thread by {@code HttpClient.send} in
 * clear text only (the transport contract holds that start to what every carried start must do):
 * over TLS, where the connection may be HTTP/2 and shared, it is started as any other.
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
  void inClearTextTheStartIsCarriedOnTheCaller() {
    // What makes the transport contract's carried-start tests run here rather than skip.
    ExchangeDriver driver = new ExchangeDriver(RecordingHandler.collecting());
    assertThat(driver.open(transport, request())).as("carries a caller's start").isTrue();
    driver.cancel();
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
