package dev.chatwire.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.transport.HttpRequest;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyTransportTlsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final ChatServer server = ChatServer.startTls();
  private NettyTransport transport = trusting(SslContextBuilder.forClient());

  private NettyTransport trusting(SslContextBuilder tls) {
    try {
      return NettyTransport.builder().sslContext(tls.trustManager(server.trustManager()).build())
          .build();
    } catch (SSLException e) {
      throw new AssertionError(e);
    }
  }

  @AfterEach
  void tearDown() {
    transport.close();
    server.close();
  }

  private HttpRequest post(URI uri) {
    return HttpRequest.builder()
        .method("POST")
        .uri(uri)
        .header("Content-Type", "application/json")
        .body("{\"stream\":true}".getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private RecordingHandler start(URI uri) {
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post(uri));
    handler.request(1);
    return handler;
  }

  private static void assertCompletes(RecordingHandler handler) {
    assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
    assertThat(handler.isCompleted()).as("completed: %s", handler).isTrue();
    assertThat(handler.violations()).isEmpty();
  }

  @Test
  void streamsOverTlsInHttp11EachEventBeforeTheNext() {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest().afterEachBody(h -> {
      if (h.bodyUtf8().contains("data: {\"n\":0}\n\n")) gate.release();
    });

    handler.start(transport, post(server.url("/v1/chat/completions")));
    handler.request(1);

    assertCompletes(handler);
    assertThat(handler.bodyUtf8())
        .isEqualTo("data: {\"n\":0}\n\ndata: {\"n\":1}\n\ndata: [DONE]\n\n");
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request.getProtocol()).isEqualTo("http/1.1");
    assertThat(request.getBodyUtf8()).isEqualTo("{\"stream\":true}");
  }

  @Test
  void reusesATlsConnection() {
    server.enqueue(MockResponse.json("{}"));
    server.enqueue(MockResponse.json("{}"));

    assertCompletes(start(server.url("/a")));
    assertCompletes(start(server.url("/b")));

    assertThat(server.takeRequest(WAIT).getConnectionIndex())
        .isEqualTo(server.takeRequest(WAIT).getConnectionIndex());
  }

  @Test
  void verifiesTheServerByHostName() {
    server.enqueue(MockResponse.json("{}"));

    assertCompletes(start(URI.create("https://localhost:" + server.getPort() + "/")));
  }

  @Test
  void aHostNameTheCertificateDoesNotNameFailsTheHandshake() throws Exception {
    String name = InetAddress.getLocalHost().getHostName();
    assumeTrue(!name.equalsIgnoreCase("localhost")
        && InetAddress.getByName(name).getHostAddress().equals("127.0.0.1"),
        "needs a name other than localhost for 127.0.0.1");

    RecordingHandler handler = start(URI.create("https://" + name + ":" + server.getPort() + "/"));

    assertThat(handler.awaitTerminal(WAIT)).isTrue();
    assertThat(handler.error()).isInstanceOf(SSLHandshakeException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aServerTheJdkDoesNotTrustFailsTheHandshake() {
    transport.close();
    transport = NettyTransport.create();

    RecordingHandler handler = start(server.url("/"));

    assertThat(handler.awaitTerminal(WAIT)).isTrue();
    assertThat(handler.error()).isInstanceOf(SSLHandshakeException.class);
    assertThat(handler.calls()).hasSize(1);
  }

  @Test
  void aContextThatLetsTheServerChooseHttp2IsRefused() {
    transport.close();
    transport = trusting(SslContextBuilder.forClient().applicationProtocolConfig(
        new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1)));

    RecordingHandler handler = start(server.url("/"));

    assertThat(handler.awaitTerminal(WAIT)).isTrue();
    assertThat(handler.error()).hasMessageContaining("h2");
    assertThat(server.getRequestCount()).isZero();
  }
}
