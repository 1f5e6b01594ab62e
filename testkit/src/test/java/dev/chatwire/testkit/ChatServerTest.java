package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatServerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ChatServer server = ChatServer.start();
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  @AfterEach
  void tearDown() {
    server.close();
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(server.url(path))
        .header("Content-Type", "application/json")
        .header("X-Repeat", "a")
        .header("X-Repeat", "b")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesAnEnqueuedJsonResponseAndRecordsTheRequest() throws Exception {
    server.enqueue(MockResponse.json("{\"id\":\"x\"}").addHeader("X-Multi", "1")
        .addHeader("X-Multi", "2"));

    HttpResponse<String> response = post("/v1/chat/completions?api-version=1", "{\"a\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"id\":\"x\"}");
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().allValues("x-multi")).containsExactly("1", "2");
    RecordedRequest request = server.takeRequest(WAIT);
    assertThat(request).isNotNull();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/v1/chat/completions?api-version=1");
    assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeader("CONTENT-TYPE")).isEqualTo("application/json");
    assertThat(request.getHeaders().values("x-repeat")).containsExactly("a", "b");
    assertThat(request.getBodyUtf8()).isEqualTo("{\"a\":1}");
    assertThat(request.getProtocol()).isEqualTo("http/1.1");
    assertThat(request.getSequenceNumber()).isZero();
    assertThat(request.awaitResponseWritten(WAIT)).isTrue();
    assertThat(request.getResponseBytesWritten()).isEqualTo(10);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void answersInTheOrderEnqueued() throws Exception {
    server.enqueue(MockResponse.json("1"));
    server.enqueue(MockResponse.error(429, "2").header("Retry-After", "3"));

    assertThat(post("/", "").body()).isEqualTo("1");
    HttpResponse<String> second = post("/", "");
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.body()).isEqualTo("2");
    assertThat(second.headers().firstValue("retry-after")).hasValue("3");
  }

  @Test
  void aRequestWaitsForALateResponse() throws Exception {
    CompletableFuture<HttpResponse<String>> response = client.sendAsync(
        HttpRequest.newBuilder(server.url("/late")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(server.takeRequest(WAIT)).isNotNull();

    server.enqueue(MockResponse.json("late"));

    assertThat(response.get().body()).isEqualTo("late");
  }

  @Test
  void takeRequestReturnsNullWhenNothingArrives() {
    assertThat(server.takeRequest(Duration.ofMillis(50))).isNull();
  }

  @Test
  void aDispatcherChoosesEachResponse() throws Exception {
    server.setDispatcher(request -> MockResponse.json(request.getPath()));

    assertThat(post("/a", "").body()).isEqualTo("/a");
    assertThat(post("/b", "").body()).isEqualTo("/b");
  }

  @Test
  void aFailingDispatcherAnswers500() throws Exception {
    server.setDispatcher(request -> {
      throw new IllegalStateException("boom");
    });

    assertThat(post("/", "").statusCode()).isEqualTo(500);
  }

  @Test
  void sseWritesOneDataLinePerLineAndEndsWithDone() throws Exception {
    server.enqueue(MockResponse.sse("{\"n\":0}", "two\nlines"));

    HttpResponse<String> response = post("/", "");

    assertThat(response.headers().firstValue("content-type")).hasValue("text/event-stream");
    assertThat(response.body())
        .isEqualTo("data: {\"n\":0}\n\ndata: two\ndata: lines\n\ndata: [DONE]\n\n");
  }

  @Test
  void sseWithoutDoneEndsAfterTheLastEvent() throws Exception {
    server.enqueue(MockResponse.sse("x").withoutDone());

    assertThat(post("/", "").body()).isEqualTo("data: x\n\n");
  }

  @Test
  void aPatternedBodyFollowsPatternByte() throws Exception {
    server.enqueue(MockResponse.patterned(100_000));

    byte[] body = client.send(HttpRequest.newBuilder(server.url("/")).build(),
        HttpResponse.BodyHandlers.ofByteArray()).body();

    assertThat(body).hasSize(100_000);
    for (int i = 0; i < body.length; i++) {
      if (body[i] != MockResponse.patternByte(i)) throw new AssertionError("byte " + i);
    }
  }

  @Test
  void faultsNeedAnSseResponseForEvents() {
    assertThatThrownBy(() -> MockResponse.json("{}").faultAtEvent(0, Fault.close()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> server.enqueue(MockResponse.sse("a").faultAtEvent(3, Fault.close())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.enqueue(MockResponse.json("{}").faultAtByte(3, Fault.close())))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeStopsListening() throws IOException {
    int port = server.getPort();
    server.close();

    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.1", port), 2000))
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void tlsClearTextAccessorsFailOnAClearTextServer() {
    assertThatThrownBy(server::clientSslContext).isInstanceOf(IllegalStateException.class);
  }
}
