package dev.chatwire.transport.jdk;

import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import dev.chatwire.transport.jdk.internal.DeferredTls;
import dev.chatwire.transport.jdk.internal.JdkWire;
import dev.chatwire.transport.jdk.internal.Workers;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.security.Security;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on {@code java.net.http} (Java 11+): HTTP/2 over TLS by ALPN, HTTP/1.1 in
 * clear text, no dependency beyond the JDK.
 *
 * <p><b>Streaming.</b> The response body is read by a demand-driven subscriber that core's
 * exchange driver asks for one {@code List<ByteBuffer>} at a time, ahead of demand by at most a
 * small window; each buffer is handed to the handler the moment it arrives. No thread is kept per
 * stream; handler calls run on the client's executor threads or on the thread that signals demand,
 * one at a time.
 *
 * <p><b>Cancellation.</b> {@link dev.chatwire.transport.Exchange#cancel()} cancels the body
 * subscription and the JDK's future (for a blocking call carried on its caller, below, it
 * interrupts the caller's thread waiting in {@code send()}, which cancels that future), so the
 * connection (HTTP/1.1) or stream (HTTP/2) is released; on Java 11 to 15 a cancel before the
 * response head arrives does not interrupt the JDK's exchange.
 *
 * <p><b>Blocking calls.</b> In clear text ({@code http}, HTTP/1.1, one exchange at a time on a
 * connection) the first attempt of a blocking call ({@code create()}, and a {@code stream()} whose
 * first iteration comes within a millisecond) is sent with {@link HttpClient#send} on the caller's
 * thread, which the JDK runs inline up to the request's write; a cancel or timeout from another
 * thread interrupts that thread while it waits for the head, and that interrupt is taken back
 * before the call returns (the caller's own interrupt is kept, and cancels the call). Over TLS,
 * where the connection may be HTTP/2 and shared by other exchanges, and for retries, later
 * streams and asynchronous calls, the exchange is started with {@code sendAsync}.
 *
 * <p><b>Small machines.</b> {@code sendAsync} completes every response future on {@code
 * CompletableFuture}'s default executor, which starts a new thread per task where the common pool
 * has fewer than two threads (two CPUs or fewer): one thread per asynchronous response, whatever
 * the client's executor ({@code send} has no such hop). Start such a JVM with {@code
 * -Djava.util.concurrent.ForkJoinPool.common.parallelism=2} to have the common pool take them
 * instead.
 *
 * <p><b>Connect timeout.</b> Core times the connect on its scheduler; a caller's client with a
 * {@code connectTimeout} of its own keeps it too.
 *
 * <p><b>Header fields.</b> Fields the JDK manages itself ({@code Host}, {@code Content-Length},
 * {@code Connection}, {@code Expect}, {@code Upgrade} and the like) are not passed on. Response
 * fields arrive grouped by name (the JDK keeps no order across names), values in order.
 *
 * <pre>{@code
 * // Java: the default client, or your own (proxy, TLS, executor...)
 * Transport transport = JdkTransport.create();
 * Transport custom = JdkTransport.create(HttpClient.newBuilder()
 *     .sslContext(sslContext)
 *     .build());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val transport: Transport = JdkTransport.create(HttpClient.newHttpClient())
 * }</pre>
 */
public final class JdkTransport implements Transport {
  /** Null once a client of this transport's own is released by {@link #close()}. */
  private volatile @Nullable HttpClient client;
  private final @Nullable ExecutorService ownExecutor;
  private volatile boolean closed;

  private JdkTransport(HttpClient client, @Nullable ExecutorService ownExecutor) {
    this.client = client;
    this.ownExecutor = ownExecutor;
  }

  /**
   * A transport with its own client: HTTP/2 where ALPN offers it, redirects not followed, and a
   * small fixed pool of daemon threads (one per processor, at least two) as its executor, so the
   * thread count never grows with the number of streams (the JDK's default pool grows with
   * bursts of work).
   *
   * <p>Its TLS context is the JDK's default one, made on the first {@code https} connection
   * rather than here: a client of a plain-http server (a local model) never loads TLS, which
   * takes about a fifth of a second of a cold start. {@code getHttpClient().sslContext()} is then
   * a stand-in that hands every call to the default context (its {@code getProvider()} is null),
   * and {@code sslParameters()} names TLS 1.3 and 1.2, the default context's protocols, with the
   * cipher suites unset (each connection keeps the default context's). The default context is
   * looked up on that first connection, so {@code javax.net.ssl} properties set before it apply,
   * and one that cannot be made fails that request as a TLS failure. When the caller chose the
   * client protocols ({@code jdk.tls.client.protocols}) or the security policy leaves TLS 1.0 or
   * 1.1 enabled, the client takes the default context here, as the JDK does.
   */
  public static JdkTransport create() {
    ExecutorService executor = Workers.newPool();
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor);
    if (DeferredTls.applies(System.getProperty("jdk.tls.client.protocols"),
        Security.getProperty("jdk.tls.disabledAlgorithms"))) {
      builder.sslContext(DeferredTls.ofDefault()).sslParameters(DeferredTls.parameters());
    }
    return new JdkTransport(builder.build(), executor);
  }

  /**
   * A transport on the caller's {@code client}, which stays the caller's: {@link #close()} leaves
   * it open. Its executor decides how many threads run handler calls; the JDK's default one is a
   * cached pool.
   */
  public static JdkTransport create(HttpClient client) {
    return new JdkTransport(client, null);
  }

  /**
   * The client this transport sends with.
   *
   * @throws IllegalStateException when the transport made the client itself and is closed: the
   *     client is then released
   */
  public HttpClient getHttpClient() {
    HttpClient c = client;
    if (c == null) throw new IllegalStateException("transport is closed: its own client is released");
    return c;
  }

  @Override
  public Wire open(HttpRequest request, WireEvents events) {
    HttpClient c = client;
    if (closed || c == null) throw new IllegalStateException("transport is closed");
    return new JdkWire(c, request, events);
  }

  /**
   * Stops new exchanges. A client this transport created is shut down where the JDK can (Java 21
   * and later) and released: before Java 21 the JDK's client has no way to close, and its selector
   * thread closes its connections and ends only once the client is unreachable, which dropping
   * the reference here allows (connections a broken response left open, such as one whose head
   * was over the JDK's limit, then close too). The worker pool is shut down.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    ExecutorService executor = ownExecutor;
    HttpClient c = client;
    if (executor != null && c != null) {
      client = null;
      shutDown(c);
      executor.shutdown();
    }
  }

  private static void shutDown(HttpClient client) {
    try {
      Method shutdownNow = HttpClient.class.getMethod("shutdownNow");
      shutdownNow.invoke(client);
    } catch (NoSuchMethodException e) {
      // Before Java 21: nothing to call.
    } catch (ReflectiveOperationException | RuntimeException e) {
      // close() never throws.
    }
  }
}
