package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chatwire.testkit.internal.LeakWatch;
import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The base of the transport contract: a fresh server and transport per test, and the assertions
 * the contract's tests share. Extend {@link TransportContract}, not this.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class ContractSupport {
  /** How long a test waits for something that should happen. */
  protected static final Duration WAIT = Duration.ofSeconds(20);
  static final int MB = 1024 * 1024;

  static {
    LeakWatch.install();
  }

  /** The server of the running test. */
  protected ChatServer server;
  /** The transport of the running test, from {@link #newTransport()}. */
  protected Transport transport;

  /** A new transport with default settings; the contract closes it. */
  protected abstract Transport newTransport();

  /**
   * Whether the transport keeps no thread per stream: then the JVM's thread count while 50
   * streams are open may exceed that of one stream by a small constant only.
   */
  protected boolean promisesNoThreadPerStream() {
    return false;
  }

  @BeforeEach
  protected void startServerAndTransport() {
    server = ChatServer.start();
    transport = newTransport();
  }

  @AfterEach
  protected void closeTransportAndServer() {
    try {
      transport.close();
    } finally {
      server.close();
    }
  }

  /** A POST to {@code path} on the server with a small JSON body. */
  protected HttpRequest post(String path) {
    return HttpRequest.builder()
        .method("POST")
        .uri(server.url(path))
        .header("Content-Type", "application/json")
        .body("{\"stream\":true}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  RecordedRequest takeRequest() {
    RecordedRequest request = server.takeRequest(WAIT);
    if (request == null) fail("the server received no request");
    return request;
  }

  static void assertComplete(RecordingHandler handler) {
    if (!handler.awaitTerminal(WAIT)) fail("no terminal call within " + WAIT + ": " + handler);
    assertThat(handler.isCompleted()).as("completed normally: %s", handler).isTrue();
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  static IOException assertError(RecordingHandler handler) {
    if (!handler.awaitTerminal(WAIT)) fail("no terminal call within " + WAIT + ": " + handler);
    IOException error = handler.error();
    assertThat(error).as("onError: %s", handler).isNotNull();
    assertThat(handler.violations()).as("contract violations").isEmpty();
    return error;
  }

  static String sseText(String... data) {
    StringBuilder out = new StringBuilder();
    for (String d : data) out.append("data: ").append(d).append("\n\n");
    return out.toString();
  }
}
