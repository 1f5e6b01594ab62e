package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.internal.wire.ExchangeDriver;
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
import dev.chatwire.transport.jdk.internal.DeferredTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ChatServer server = ChatServer.start();
  private final JdkTransport transport = JdkTransport.create();

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
  void skipsHeaderFieldsTheJdkManagesItself() {
    server.enqueue(MockResponse.json("{}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post()
        .header("Host", "example.com")
        .header("Content-Length", "999")
        .header("Connection", "close")
        .header("Expect", "100-continue")
        .header("X-Kept", "yes")
        .build());
    handler.request(1);

    assertCompletes(handler);
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.getHeader("host")).isEqualTo("127.0.0.1:" + server.getPort());
    assertThat(request.getHeader("content-length")).isEqualTo("2");
    assertThat(request.getHeader("x-kept")).isEqualTo("yes");
  }

  @Test
  void clearTextRequestsAskForNoHttp2Upgrade() {
    server.enqueue(MockResponse.json("{}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post().build());
    handler.request(1);

    assertCompletes(handler);
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.getHeader("upgrade")).isNull();
    assertThat(request.getHeader("http2-settings")).isNull();
  }

  @Test
  void aPlainHttpExchangeNeverMakesTheTlsContext() {
    // Where the JVM's policy leaves TLS 1.0 or 1.1 enabled the client takes the context at once.
    assumeTrue(DeferredTls.applies(System.getProperty("jdk.tls.client.protocols"),
        java.security.Security.getProperty("jdk.tls.disabledAlgorithms")));
    HttpClient client = transport.getHttpClient();
    assertThat(client.sslContext()).isInstanceOf(DeferredTls.class);
    assertThat(client.sslParameters().getProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
    server.enqueue(MockResponse.sse("{\"n\":0}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post().build());
    handler.request(1);

    assertCompletes(handler);
    assertThat(handler.bodyUtf8()).isEqualTo("data: {\"n\":0}\n\ndata: [DONE]\n\n");
    assertThat(((DeferredTls) client.sslContext()).made()).isFalse();
  }

  @Test
  void aCallersStartIsCarriedOnItsThreadInClearText() {
    // What makes the transport contract's carried-start tests run on this transport, not skip.
    ExchangeDriver driver = new ExchangeDriver(RecordingHandler.collecting());
    assertThat(driver.open(transport, post().build())).as("carries a caller's start").isTrue();
    driver.cancel();
  }

  @Test
  void aHeaderValueTheJdkRefusesIsRefusedWithoutShowingIt() {
    RecordingHandler handler = RecordingHandler.collecting();

    assertThatThrownBy(() -> handler.start(transport, post().header("X-Bad", "sk-line\r\nbreak")
        .build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Bad")
        .hasMessageNotContaining("sk-line")
        .hasNoCause();
  }

  @Test
  void closeLeavesTheCallersClientOpen() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    JdkTransport.create(client).close();
    server.enqueue(MockResponse.json("still open"));

    HttpResponse<String> response = client.send(
        java.net.http.HttpRequest.newBuilder(server.url("/")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("still open");
  }
}
