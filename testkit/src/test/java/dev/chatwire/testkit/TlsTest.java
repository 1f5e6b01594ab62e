package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlsTest {
  private final ChatServer server = ChatServer.startTls();

  @AfterEach
  void tearDown() {
    server.close();
  }

  private HttpResponse<String> get(HttpClient.Version version) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .sslContext(server.clientSslContext())
        .version(version)
        .build();
    return client.send(HttpRequest.newBuilder(server.url("/v1/models")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void negotiatesHttp2ByAlpn() throws Exception {
    server.enqueue(MockResponse.sse("a", "b"));

    HttpResponse<String> response = get(HttpClient.Version.HTTP_2);

    assertThat(server.getBaseUrl().getScheme()).isEqualTo("https");
    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
    assertThat(response.body()).isEqualTo("data: a\n\ndata: b\n\ndata: [DONE]\n\n");
    RecordedRequest request = server.takeRequest(Duration.ofSeconds(10));
    assertThat(request.getProtocol()).isEqualTo("h2");
    assertThat(request.getPath()).isEqualTo("/v1/models");
    assertThat(request.getHeaders().get("x-http2-stream-id")).isNull();
  }

  @Test
  void fallsBackToHttp11ForAClientWithoutHttp2() throws Exception {
    server.enqueue(MockResponse.json("{}"));

    HttpResponse<String> response = get(HttpClient.Version.HTTP_1_1);

    assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(server.takeRequest(Duration.ofSeconds(10)).getProtocol()).isEqualTo("http/1.1");
  }

  @Test
  void exposesTheCertificateToTrust() {
    assertThat(server.getCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(server.trustManager().getAcceptedIssuers()).containsExactly(server.getCertificate());
  }
}
