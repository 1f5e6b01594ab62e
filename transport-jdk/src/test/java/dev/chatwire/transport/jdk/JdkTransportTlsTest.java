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
import dev.chatwire.transport.jdk.internal.DeferredTls;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkTransportTlsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ChatServer server = ChatServer.startTls();
  private final JdkTransport transport = JdkTransport.create(HttpClient.newBuilder()
      .sslContext(server.clientSslContext())
      .build());

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
        .body("{\"stream\":true}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void streamsOverHttp2EachEventBeforeTheNext() {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest().afterEachBody(h -> {
      if (h.bodyUtf8().contains("data: {\"n\":0}\n\n")) gate.release();
    });

    handler.start(transport, post());
    handler.request(1);

    assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
    assertThat(handler.isCompleted()).isTrue();
    assertThat(handler.violations()).isEmpty();
    assertThat(handler.bodyUtf8())
        .isEqualTo("data: {\"n\":0}\n\ndata: {\"n\":1}\n\ndata: [DONE]\n\n");
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.getProtocol()).isEqualTo("h2");
    assertThat(request.getBodyUtf8()).isEqualTo("{\"stream\":true}");
  }

  @Test
  void aDeferredContextIsMadeOnceByTheFirstConnectionAndStillOffersHttp2() {
    AtomicInteger made = new AtomicInteger();
    DeferredTls tls = DeferredTls.of(() -> {
      made.incrementAndGet();
      return server.clientSslContext();
    });
    JdkTransport deferred = JdkTransport.create(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .sslContext(tls)
        .sslParameters(DeferredTls.parameters())
        .build());
    try {
      assertThat(tls.made()).isFalse();
      for (int i = 0; i < 2; i++) {
        server.enqueue(MockResponse.sse("{\"n\":" + i + "}"));
        RecordingHandler handler = RecordingHandler.collecting().autoRequest();
        handler.start(deferred, post());
        handler.request(1);
        assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
        assertThat(handler.isCompleted()).isTrue();
        assertThat(handler.bodyUtf8()).isEqualTo("data: {\"n\":" + i + "}\n\ndata: [DONE]\n\n");
        assertThat(server.takeRequest(WAIT).getProtocol()).as("ALPN offered h2").isEqualTo("h2");
      }
      assertThat(made).hasValue(1);
    } finally {
      deferred.close();
    }
  }

  @Test
  void aDeferredContextThatCannotBeMadeFailsTheExchangeAsATlsFailure() {
    JdkTransport broken = JdkTransport.create(HttpClient.newBuilder()
        .sslContext(DeferredTls.of(() -> {
          throw new IllegalStateException("keystore password was incorrect");
        }))
        .sslParameters(DeferredTls.parameters())
        .build());
    try {
      RecordingHandler handler = RecordingHandler.collecting().autoRequest();
      handler.start(broken, post());
      handler.request(1);

      assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
      assertThat(handler.isCompleted()).isFalse();
      assertThat(handler.error()).isInstanceOf(SSLException.class)
          .hasMessage("the JDK's default TLS context could not be made");
      assertThat(handler.violations()).isEmpty();
    } finally {
      broken.close();
    }
  }

  @Test
  void cancelResetsTheHttp2Stream() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(new Gate())));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post());
    handler.request(1);
    assertThat(handler.awaitBodyCalls(1, WAIT)).isTrue();
    RecordedRequest request = server.takeRequest(WAIT);

    handler.cancel();

    assertThat(request.getProtocol()).isEqualTo("h2");
    assertThat(request.awaitClosed(Duration.ofSeconds(5))).as("stream closed").isTrue();
    assertThat(handler.violations()).isEmpty();
  }

  @Test
  void aCallersStartIsNotCarriedOnItsThreadOverTls() throws Exception {
    // The connection may be HTTP/2 and shared with other exchanges, where ending one by
    // interrupting its carrier is not relied on: the start returns while the head is held back.
    Gate gate = new Gate();
    try {
      server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
      RecordingHandler handler = RecordingHandler.collecting();
      ExchangeDriver driver = new ExchangeDriver(handler);

      assertThat(driver.open(transport, post())).as("carries a caller's start").isFalse();
      CompletableFuture.runAsync(() -> driver.start(true)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(server.takeRequest(WAIT)).as("the request was sent").isNotNull();
      gate.release();
      assertThat(handler.awaitResponse(WAIT)).isTrue();
      assertThat(handler.status()).isEqualTo(200);
      driver.cancel();
    } finally {
      gate.release();
    }
  }
}
