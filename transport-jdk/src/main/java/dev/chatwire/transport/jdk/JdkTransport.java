package dev.chatwire.transport.jdk;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import dev.chatwire.transport.Transport;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on {@code java.net.http} (Java 11+): HTTP/2 over TLS by ALPN, HTTP/1.1 in
 * clear text, no dependency beyond the JDK.
 *
 * <p><b>Streaming.</b> The response body is read by a demand-driven subscriber: the JDK reads more
 * from the socket only while the caller has signalled demand, and each buffer is handed to the
 * handler the moment it arrives, one buffer per {@link Exchange#request()}. No thread is kept per
 * stream; handler calls run on the client's executor threads or on the thread that signals demand,
 * one at a time.
 *
 * <p><b>Cancellation.</b> {@link Exchange#cancel()} cancels the body subscription and the JDK's
 * future, so the connection (HTTP/1.1) or stream (HTTP/2) is released; on Java 11 to 15 a cancel
 * before the response head arrives does not interrupt the JDK's exchange.
 *
 * <p><b>Connect timeout.</b> {@link HttpRequest#getConnectTimeout()} is honoured per request,
 * ending the exchange with {@link HttpConnectTimeoutException} through {@code onError}; a caller's
 * client with a shorter {@code connectTimeout} of its own keeps it.
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
  private final HttpClient client;
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
   */
  public static JdkTransport create() {
    ExecutorService executor = Workers.newPool();
    return new JdkTransport(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_2)
        .followRedirects(HttpClient.Redirect.NEVER)
        .executor(executor)
        .build(), executor);
  }

  /**
   * A transport on the caller's {@code client}, which stays the caller's: {@link #close()} leaves
   * it open. Its executor decides how many threads run handler calls; the JDK's default one is a
   * cached pool.
   */
  public static JdkTransport create(HttpClient client) {
    return new JdkTransport(client, null);
  }

  /** The client this transport sends with. */
  public HttpClient getHttpClient() {
    return client;
  }

  @Override
  public Exchange execute(HttpRequest request, ResponseHandler handler) {
    JdkExchange exchange = new JdkExchange(handler);
    if (closed) {
      exchange.fail(new IOException("transport closed"));
      return exchange;
    }
    java.net.http.HttpRequest jdkRequest;
    CompletableFuture<?> sent;
    try {
      jdkRequest = JdkRequests.convert(request, exchange::connected);
      sent = client.sendAsync(jdkRequest, exchange);
    } catch (RuntimeException e) {
      exchange.fail(new IOException("java.net.http refused the request: " + e.getMessage(), e));
      return exchange;
    }
    exchange.sending(sent);
    Duration connectTimeout = request.getConnectTimeout();
    if (connectTimeout != null && !clientConnectsFaster(connectTimeout)) {
      CompletableFuture.delayedExecutor(connectTimeout.toNanos(), TimeUnit.NANOSECONDS, Runnable::run)
          .execute(() -> {
            if (!exchange.isConnected()) {
              exchange.failAndAbort(new HttpConnectTimeoutException(
                  "HTTP connect timed out after " + connectTimeout.toMillis() + " ms"));
            }
          });
    }
    return exchange;
  }

  private boolean clientConnectsFaster(Duration timeout) {
    return client.connectTimeout().map(own -> own.compareTo(timeout) <= 0).orElse(false);
  }

  /**
   * Stops new exchanges. A client this transport created is shut down where the JDK can (Java 21
   * and later; before that its selector thread ends when it becomes unreachable), and its worker
   * pool is shut down.
   */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    ExecutorService executor = ownExecutor;
    if (executor != null) {
      shutDown(client);
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
