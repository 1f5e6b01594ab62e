package dev.chatwire.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkHttpClientUseTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ChatServer server = ChatServer.start();
  private final List<Interceptor.Chain> seen = new CopyOnWriteArrayList<>();
  private final OkHttpClient callers = new OkHttpClient.Builder()
      .addInterceptor(chain -> {
        seen.add(chain);
        return chain.proceed(chain.request());
      })
      .build();

  @AfterEach
  void close() {
    callers.dispatcher().executorService().shutdown();
    callers.connectionPool().evictAll();
    server.close();
  }

  private HttpRequest.Builder post() {
    return Posts.json(server, "{\"model\":\"m\"}");
  }

  private static Recorder run(Transport transport, HttpRequest request)
      throws InterruptedException {
    Recorder recorder = new Recorder();
    Exchange exchange = transport.execute(request, recorder);
    for (int i = 0; i < 8; i++) exchange.request();
    assertThat(recorder.awaitTerminal(WAIT)).as("terminal call").isTrue();
    return recorder;
  }

  @Test
  void sendsThroughTheCallersInterceptors() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      run(transport, post().build());
    }
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).request().url().encodedPath()).isEqualTo("/v1/chat/completions");
  }

  @Test
  void closingLeavesTheCallersClientRunning() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    server.enqueue(MockResponse.json("{}"));
    OkHttpTransport transport = OkHttpTransport.create(callers);
    run(transport, post().build());

    transport.close();

    assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
    try (Response r = callers.newCall(new Request.Builder()
        .url(server.url("/again").toString()).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void executeAfterCloseThrows() {
    OkHttpTransport transport = OkHttpTransport.create();
    transport.close();
    transport.close();

    assertThatThrownBy(() -> transport.execute(post().build(), new Recorder()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void passesHeadersThroughAndLetsOkHttpFrameTheBody() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    HttpRequest request = post()
        .header("Authorization", "Bearer sk-test")
        .header("X-Trace", "a")
        .header("X-Trace", "b")
        .header("Content-Length", "999")
        .header("Host", "elsewhere.example")
        .build();
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      run(transport, request);
    }

    RecordedRequest received = server.takeRequest(WAIT);
    assertThat(received).isNotNull();
    assertThat(received.getHeader("authorization")).isEqualTo("Bearer sk-test");
    assertThat(received.getHeaders().values("x-trace")).containsExactly("a", "b");
    assertThat(received.getHeader("content-type")).isEqualTo("application/json");
    assertThat(received.getHeader("content-length")).isEqualTo("13");
    assertThat(received.getHeader("host")).isEqualTo("127.0.0.1:" + server.getPort());
    assertThat(received.getBodyUtf8()).isEqualTo("{\"model\":\"m\"}");
  }

  @Test
  void postWithoutABodySendsAnEmptyOne() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      run(transport, post().body(null).build());
    }
    RecordedRequest received = server.takeRequest(WAIT);
    assertThat(received).isNotNull();
    assertThat(received.getMethod()).isEqualTo("POST");
    assertThat(received.getBodySize()).isZero();
  }

  @Test
  void getSendsNoBody() throws InterruptedException {
    server.enqueue(MockResponse.json("{\"data\":[]}"));
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      Recorder recorder = run(transport,
          HttpRequest.builder().uri(server.url("/v1/models")).build());
      assertThat(recorder.bodyUtf8()).isEqualTo("{\"data\":[]}");
    }
    RecordedRequest received = server.takeRequest(WAIT);
    assertThat(received).isNotNull();
    assertThat(received.getMethod()).isEqualTo("GET");
    assertThat(received.getBodySize()).isZero();
  }

  @Test
  void deliversAnErrorStatusWithItsBody() throws InterruptedException {
    server.enqueue(MockResponse.error(429, "{\"error\":{}}").header("Retry-After", "2"));
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      Recorder recorder = run(transport, post().build());
      assertThat(recorder.calls).containsExactly("onResponse(429)", "onBody", "onComplete");
      assertThat(recorder.headers.get("retry-after")).isEqualTo("2");
      assertThat(recorder.bodyUtf8()).isEqualTo("{\"error\":{}}");
    }
  }

  @Test
  void leavesEveryTimerToCoreNoConnectReadOrCallTimeout() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      run(transport, post().build());
    }
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).connectTimeoutMillis()).isZero();
    assertThat(seen.get(0).readTimeoutMillis()).isZero();
    assertThat(seen.get(0).call().timeout().timeoutNanos()).isZero();
  }

  @Test
  void rejectsAUriOkHttpCannotSend() {
    try (OkHttpTransport transport = OkHttpTransport.create(callers)) {
      HttpRequest ftp = post().uri(URI.create("ftp://127.0.0.1/x")).build();
      assertThatThrownBy(() -> transport.execute(ftp, new Recorder()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
