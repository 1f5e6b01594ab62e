package dev.chatwire.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.transport.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyConnectionPoolTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ChatServer server = ChatServer.start();
  private NettyTransport transport = NettyTransport.create();

  @AfterEach
  void tearDown() {
    transport.close();
    server.close();
  }

  private HttpRequest post() {
    return HttpRequest.builder()
        .method("POST")
        .uri(server.url("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .body("{}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private RecordingHandler start() {
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post());
    handler.request(1);
    return handler;
  }

  private RecordedRequest completeOne(MockResponse response) {
    server.enqueue(response);
    RecordingHandler handler = start();
    assertCompletes(handler);
    return server.takeRequest(WAIT);
  }

  private static void assertCompletes(RecordingHandler handler) {
    assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
    assertThat(handler.isCompleted()).as("completed: %s", handler).isTrue();
    assertThat(handler.violations()).isEmpty();
  }

  @Test
  void sequentialRequestsReuseOneConnection() {
    RecordedRequest first = completeOne(MockResponse.json("{\"n\":1}"));
    RecordedRequest second = completeOne(MockResponse.sse("{\"n\":2}"));
    RecordedRequest third = completeOne(MockResponse.error(429, "{}"));

    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(third.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(server.getConnectionCount()).isEqualTo(1);
  }

  @Test
  void chunkedBodiesInARowShareOneConnection() {
    // The connection reads a chunked body itself and puts the HTTP codec back after each.
    RecordedRequest first = completeOne(MockResponse.sse("{\"n\":1}"));
    RecordedRequest second = completeOne(MockResponse.sse("{\"n\":2}", "{\"n\":3}"));
    RecordedRequest third = completeOne(MockResponse.json("{\"n\":4}").chunked());

    assertThat(second.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(third.getConnectionIndex()).isEqualTo(first.getConnectionIndex());
    assertThat(server.getConnectionCount()).isEqualTo(1);
  }

  @Test
  void aCancelledExchangesConnectionIsNotReused() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(new Gate())));
    RecordingHandler cancelled = RecordingHandler.collecting();
    cancelled.start(transport, post());
    cancelled.request(1);
    assertThat(cancelled.awaitBodyCalls(1, WAIT)).isTrue();
    RecordedRequest first = server.takeRequest(WAIT);

    cancelled.cancel();

    assertThat(first.awaitClosed(WAIT)).as("connection closed").isTrue();
    RecordedRequest second = completeOne(MockResponse.json("{}"));
    assertThat(second.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
    assertThat(cancelled.violations()).isEmpty();
  }

  @Test
  void aFailedExchangesConnectionIsNotReused() {
    server.enqueue(MockResponse.patterned(100_000).faultAtByte(50_000, Fault.reset()));
    RecordingHandler failed = start();
    assertThat(failed.awaitTerminal(WAIT)).isTrue();
    assertThat(failed.error()).isNotNull();
    RecordedRequest first = server.takeRequest(WAIT);

    RecordedRequest second = completeOne(MockResponse.json("{}"));

    assertThat(second.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
  }

  @Test
  void aResponseMarkedConnectionCloseClosesItsConnection() {
    RecordedRequest first = completeOne(MockResponse.json("{}").header("Connection", "close"));

    assertThat(first.awaitClosed(WAIT)).as("connection closed").isTrue();
    RecordedRequest second = completeOne(MockResponse.json("{}"));
    assertThat(second.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
  }

  @Test
  void anIdleConnectionClosesAfterTheIdleTimeout() {
    transport.close();
    transport = NettyTransport.builder().idleConnectionTimeout(Duration.ofMillis(100)).build();
    RecordedRequest first = completeOne(MockResponse.json("{}"));

    assertThat(first.awaitClosed(WAIT)).as("idle connection closed").isTrue();
    RecordedRequest second = completeOne(MockResponse.json("{}"));
    assertThat(second.getConnectionIndex()).isNotEqualTo(first.getConnectionIndex());
  }

  @Test
  void atTheConnectionLimitAnExchangeWaitsForTheNextFreeConnection() {
    transport.close();
    transport = NettyTransport.builder().maxConnectionsPerHost(1).build();
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}").faultAtEvent(1, Fault.stallUntil(gate)));
    server.enqueue(MockResponse.json("{\"second\":true}"));
    RecordingHandler first = start();
    assertThat(first.awaitBodyCalls(1, WAIT)).isTrue();
    RecordingHandler second = start();
    RecordedRequest firstRequest = server.takeRequest(WAIT);

    assertThat(server.takeRequest(Duration.ofMillis(300))).as("sent while the limit is reached")
        .isNull();
    gate.release();

    assertCompletes(first);
    assertCompletes(second);
    assertThat(second.bodyUtf8()).isEqualTo("{\"second\":true}");
    assertThat(server.takeRequest(WAIT).getConnectionIndex())
        .isEqualTo(firstRequest.getConnectionIndex());
  }

  @Test
  void aWaitingExchangeThatIsCancelledIsNeverSent() {
    transport.close();
    transport = NettyTransport.builder().maxConnectionsPerHost(1).build();
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}").faultAtEvent(1, Fault.stallUntil(gate)));
    RecordingHandler first = start();
    assertThat(first.awaitBodyCalls(1, WAIT)).isTrue();
    RecordedRequest firstRequest = server.takeRequest(WAIT);
    RecordingHandler waiting = start();

    waiting.cancel();
    gate.release();
    assertCompletes(first);
    RecordedRequest third = completeOne(MockResponse.json("{\"third\":true}"));

    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(third.getConnectionIndex()).isEqualTo(firstRequest.getConnectionIndex());
    assertThat(waiting.calls()).hasSize(1).allMatch(call -> call.startsWith("onError"));
  }
}
