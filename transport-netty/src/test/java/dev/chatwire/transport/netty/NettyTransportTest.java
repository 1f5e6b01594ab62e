package dev.chatwire.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.ChatWire;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ConnectTimeoutException;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.testkit.internal.Sockets;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ChatServer server = ChatServer.start();
  private final NettyTransport transport = NettyTransport.create();

  @AfterEach
  void tearDown() {
    transport.close();
    server.close();
  }

  private HttpRequest.Builder post() {
    return HttpRequest.builder()
        .method("POST")
        .uri(server.url("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .body("{}".getBytes(StandardCharsets.UTF_8));
  }

  private static void assertCompletes(RecordingHandler handler) {
    assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
    assertThat(handler.isCompleted()).as("completed: %s", handler).isTrue();
    assertThat(handler.violations()).isEmpty();
  }

  @Test
  void setsHostAndContentLengthAndSkipsHopByHopFields() {
    server.enqueue(MockResponse.json("{}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post()
        .header("Host", "example.com")
        .header("Content-Length", "999")
        .header("Connection", "close")
        .header("Transfer-Encoding", "chunked")
        .header("Upgrade", "h2c")
        .header("Expect", "100-continue")
        .header("X-Kept", "yes")
        .build());
    handler.request(1);

    assertCompletes(handler);
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.getHeader("host")).isEqualTo("127.0.0.1:" + server.getPort());
    assertThat(request.getHeader("content-length")).isEqualTo("2");
    assertThat(request.getHeaders().values("connection")).isEmpty();
    assertThat(request.getHeader("transfer-encoding")).isNull();
    assertThat(request.getHeader("upgrade")).isNull();
    assertThat(request.getHeader("expect")).isNull();
    assertThat(request.getHeader("x-kept")).isEqualTo("yes");
  }

  @Test
  void eachEventOfASlowStreamComesInOneRead() {
    // Short events and some of 700 bytes, 3 ms apart: Netty's default read size shrinks to fit
    // the short ones (to 64 bytes at least), and then cut each long one into several reads, each
    // one more piece for the SSE decoder to hold and join.
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 30; i++) events.add("{\"pad\":\"" + "x".repeat(i % 3 == 0 ? 700 : 8) + "\"}");
    server.enqueue(MockResponse.sse(events).eventDelay(Duration.ofMillis(3)));
    List<Long> ends = new CopyOnWriteArrayList<>();
    RecordingHandler handler = RecordingHandler.collecting().autoRequest()
        .afterEachBody(h -> ends.add(h.bodyBytes()));
    handler.start(transport, post().build());
    handler.request(1);

    assertCompletes(handler);
    String body = handler.bodyUtf8();
    assertThat(ends).hasSizeGreaterThanOrEqualTo(30);
    for (long end : ends) assertThat(body.substring(0, (int) end)).endsWith("\n\n");
  }

  @Test
  void anInvalidHeaderValueIsAnErrorNamingTheFieldButNotTheValue() {
    RecordingHandler handler = RecordingHandler.collecting();

    assertThatThrownBy(() -> handler.start(transport,
        post().header("X-Bad", "sk-secret\r\nInjected: 1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Bad").hasMessageNotContaining("sk-secret");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anUnsupportedSchemeIsAnError() {
    RecordingHandler handler = RecordingHandler.collecting();

    assertThatThrownBy(() -> handler.start(transport,
        post().uri(URI.create("ftp://127.0.0.1/")).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp");
  }

  @Test
  void closeEndsAnOpenStreamWithAnError() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(new Gate())));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post().build());
    handler.request(1);
    assertThat(handler.awaitBodyCalls(1, WAIT)).isTrue();

    transport.close();

    assertThat(handler.awaitTerminal(WAIT)).isTrue();
    assertThat(handler.error()).isNotNull();
    assertThat(server.takeRequest(WAIT).awaitClosed(WAIT)).isTrue();
    assertThat(handler.violations()).isEmpty();
  }
}
