package dev.chatwire.testkit;

import dev.chatwire.testkit.internal.ExchangeRecord;
import dev.chatwire.testkit.internal.LeakWatch;
import dev.chatwire.testkit.internal.NettyServer;
import dev.chatwire.testkit.internal.ResponseScript;
import dev.chatwire.testkit.internal.SelfSignedCertificate;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A scripted OpenAI-compatible HTTP server on 127.0.0.1 and an ephemeral port, for tests. Tests
 * {@link #enqueue} responses (answered in order) or set a {@link Dispatcher}, run the client, then
 * inspect what arrived with {@link #takeRequest}. A request that arrives before any response is
 * enqueued waits for one. Built on Netty's HTTP codecs with one I/O thread; {@link #close()}
 * releases it. Thread-safe.
 *
 * <p>{@link #start()} speaks HTTP/1.1 in clear text. {@link #startTls()} serves TLS with a fresh
 * self-signed certificate for 127.0.0.1 and localhost, and negotiates HTTP/2 by ALPN, falling back
 * to HTTP/1.1 for clients that do not offer it; clients trust it through {@link
 * #clientSslContext()} or {@link #trustManager()}.
 *
 * <pre>{@code
 * try (ChatServer server = ChatServer.start()) {
 *   server.enqueue(MockResponse.sse(chunk1, chunk2));
 *   // ... call server.url("/v1/chat/completions") ...
 *   RecordedRequest request = server.takeRequest(Duration.ofSeconds(5));
 *   assertThat(request.getHeader("authorization")).isEqualTo("Bearer sk-test");
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * ChatServer.start().use { server ->
 *   server.enqueue(MockResponse.json(completion))
 *   val url = server.url("/v1/chat/completions")
 * }
 * }</pre>
 */
public final class ChatServer implements AutoCloseable {
  private static final int INTERNAL_ERROR = 500;

  private final @Nullable SelfSignedCertificate certificate;
  private final NettyServer server;
  private final LinkedBlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final ArrayDeque<MockResponse> responses = new ArrayDeque<>();
  private final ArrayDeque<Consumer<ResponseScript>> waiting = new ArrayDeque<>();
  private volatile @Nullable Dispatcher dispatcher;

  private ChatServer(@Nullable SelfSignedCertificate certificate) {
    this.certificate = certificate;
    this.server = new NettyServer(
        this::respond, certificate == null ? null : certificate.serverContext());
  }

  /** Starts a clear-text HTTP/1.1 server. */
  public static ChatServer start() {
    return new ChatServer(null);
  }

  /** Starts a TLS server that negotiates HTTP/2 or HTTP/1.1 by ALPN. */
  public static ChatServer startTls() {
    return new ChatServer(new SelfSignedCertificate());
  }

  /** The base URL, such as {@code http://127.0.0.1:49152/}. */
  public URI getBaseUrl() {
    return URI.create((certificate == null ? "http" : "https") + "://127.0.0.1:" + getPort() + "/");
  }

  /** The URL of {@code path} on this server; {@code url("/v1/chat/completions")}. */
  public URI url(String path) {
    return getBaseUrl().resolve(path.startsWith("/") ? path : "/" + path);
  }

  /** The port the server listens on. */
  public int getPort() {
    return server.port();
  }

  /** Adds a response to the queue; a request waiting for one gets it at once. */
  public void enqueue(MockResponse response) {
    ResponseScript script = response.script(); // fails here, in the test, if it is inconsistent
    Consumer<ResponseScript> reply;
    synchronized (responses) {
      reply = waiting.poll();
      if (reply == null) {
        responses.add(response);
        return;
      }
    }
    reply.accept(script);
  }

  /** Answers every later request with {@code dispatcher} instead of the queue. */
  public void setDispatcher(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /**
   * The next request received, in arrival order, waiting up to {@code timeout}; null if none
   * arrived in time.
   */
  public @Nullable RecordedRequest takeRequest(Duration timeout) {
    try {
      return requests.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The number of requests received so far. */
  public int getRequestCount() {
    return server.requestCount();
  }

  /** The number of connections accepted so far. */
  public int getConnectionCount() {
    return server.connectionCount();
  }

  /** The number of connections open now (accepted and not yet closed). */
  public int getOpenConnectionCount() {
    return server.openConnectionCount();
  }

  /** The server's certificate; only with {@link #startTls()}. */
  public X509Certificate getCertificate() {
    return tls().certificate();
  }

  /** A client {@link SSLContext} that trusts this server's certificate only. */
  public SSLContext clientSslContext() {
    return tls().clientContext();
  }

  /** A trust manager that trusts this server's certificate only (OkHttp needs one). */
  public X509TrustManager trustManager() {
    return tls().trustManager();
  }

  private SelfSignedCertificate tls() {
    SelfSignedCertificate c = certificate;
    if (c == null) throw new IllegalStateException("not a TLS server; use ChatServer.startTls()");
    return c;
  }

  private void respond(ExchangeRecord exchange, Consumer<ResponseScript> reply) {
    RecordedRequest request = new RecordedRequest(exchange);
    requests.add(request);
    Dispatcher d = dispatcher;
    if (d != null) {
      reply.accept(dispatch(d, request));
      return;
    }
    MockResponse next;
    synchronized (responses) {
      next = responses.poll();
      if (next == null) {
        waiting.add(reply);
        return;
      }
    }
    reply.accept(next.script());
  }

  private static ResponseScript dispatch(Dispatcher dispatcher, RecordedRequest request) {
    try {
      return dispatcher.dispatch(request).script();
    } catch (RuntimeException e) {
      return MockResponse.error(INTERNAL_ERROR,
          "{\"error\":{\"message\":\"dispatcher failed: " + e.getClass().getSimpleName()
              + "\",\"type\":\"testkit_error\"}}").script();
    }
  }

  /**
   * Closes every connection, stops the I/O thread, and fails with an {@link AssertionError} if
   * Netty reported a leaked buffer (run tests with {@code -Dio.netty.leakDetection.level=paranoid}).
   */
  @Override
  public void close() {
    server.close();
    LeakWatch.check();
  }

  @Override
  public String toString() {
    return "ChatServer{" + getBaseUrl() + '}';
  }
}
