package dev.chatwire.transport.okhttp;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import dev.chatwire.transport.okhttp.internal.Clients;
import dev.chatwire.transport.okhttp.internal.OkHttpWire;
import dev.chatwire.transport.okhttp.internal.ReadBuffers;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on OkHttp, for Android (minSdk 26) and the JVM; built against OkHttp 4.12
 * and tested on OkHttp 5 too.
 *
 * <p><b>Your client.</b> {@link #create(OkHttpClient)} sends through your own client, with its
 * interceptors, proxy, TLS settings, connection pool, dispatcher and event listener. ChatWire
 * derives a client from it with {@link OkHttpClient#newBuilder()}, which shares the pool and
 * dispatcher, and changes only what core owns: OkHttp's retry on connection failure is off
 * (core retries), the connect, read and call timeouts are off (core runs every timer on its
 * scheduler), and redirects are not followed (a POST is never re-sent and the key never goes to
 * another origin; core reports a 3xx as an API error naming the status and location). Closing
 * this transport leaves your
 * client running. {@link #create()} builds a client of its own, which this transport shuts down
 * on {@link #close()}.
 *
 * <p><b>Concurrency.</b> OkHttp's {@link okhttp3.Dispatcher} runs at most {@code
 * maxRequestsPerHost} calls per host (5 by default) and {@code maxRequests} in all (64); further
 * calls queue until one ends. A call runs until its response head has been handled, and an
 * asynchronous stream (one whose body is read on OkHttp's dispatcher thread) runs until its
 * last byte: so with a default dispatcher at most 5 asynchronous streams to one host flow at
 * once, and the sixth waits (and may meet the response-headers timeout). With your own client
 * your dispatcher decides: raise {@code maxRequestsPerHost} to allow more. The client that
 * {@link #create()} builds allows 64 per host and in all, since
 * ChatWire's streams are long and usually all go to one host. A blocking {@code create()} runs its
 * first attempt on the caller's thread ({@link okhttp3.Call#execute()}), which the dispatcher's
 * limits do not count; its retries, and every stream, are enqueued.
 *
 * <p><b>Threading.</b> The response head arrives on OkHttp's dispatcher thread. Body bytes are
 * read with OkHttp's blocking source on the thread that asks for them: the blocking API reads on
 * the caller's thread, the asynchronous API on the dispatcher thread that delivered the head.
 * {@link Exchange#cancel()} from any thread cancels the OkHttp call, which unblocks a read in
 * progress and releases the connection. Instances are thread-safe.
 *
 * <pre>{@code
 * // Java
 * OkHttpClient okHttp = new OkHttpClient.Builder()
 *     .addInterceptor(new MyLoggingInterceptor())
 *     .build();
 * ChatWire client = ChatWire.builder()
 *     .baseUrl("https://api.openai.com/v1/")
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .transport(OkHttpTransport.create(okHttp))
 *     .build();
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val okHttp = OkHttpClient.Builder()
 *     .dispatcher(Dispatcher().apply { maxRequestsPerHost = 20 })
 *     .build()
 * val client = ChatWire.builder()
 *     .baseUrl("https://api.openai.com/v1/")
 *     .apiKey(System.getenv("OPENAI_API_KEY"))
 *     .transport(OkHttpTransport.create(okHttp))
 *     .build()
 * }</pre>
 */
public final class OkHttpTransport implements Transport {
  /** Calls per host, and in all, that the dispatcher of {@link #create()}'s client runs at once. */
  private static final int OWN_MAX_REQUESTS = 64;

  /** The client for {@code http:} (for the caller's client, for every request). */
  private final OkHttpClient client;
  private final boolean ownsClient;
  /** The own client's twin for {@code https:}, made on the first such request; shares its pool. */
  private volatile @Nullable OkHttpClient tlsClient;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ReadBuffers buffers = new ReadBuffers();

  private OkHttpTransport(OkHttpClient client, boolean ownsClient) {
    this.client = Clients.derive(client);
    this.ownsClient = ownsClient;
  }

  /**
   * A transport with an {@code OkHttpClient} of its own: OkHttp's defaults, except that its
   * dispatcher runs 64 calls per host rather than 5. Shut down by {@link #close()}.
   *
   * <p>TLS (the platform's trust store and socket factory, about a third of a second of a cold
   * start) is set up on the first {@code https} request, not before: a client that only talks to
   * a local server ({@code http://localhost:11434/v1}) never pays for it. Both kinds of request
   * share one dispatcher and one connection pool.
   */
  public static OkHttpTransport create() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(OWN_MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(OWN_MAX_REQUESTS);
    OkHttpClient cleartext = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT))
        .build();
    return new OkHttpTransport(cleartext, true);
  }

  /** The client that sends {@code request}. */
  private OkHttpClient clientFor(HttpRequest request) {
    if (!ownsClient || !"https".equalsIgnoreCase(request.getUri().getScheme())) return client;
    OkHttpClient tls = tlsClient;
    if (tls == null) {
      synchronized (this) {
        tls = tlsClient;
        if (tls == null) {
          // OkHttp's default specs; the builder shares the dispatcher and the pool.
          tls = client.newBuilder()
              .connectionSpecs(Arrays.asList(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT))
              .build();
          tlsClient = tls;
        }
      }
    }
    return tls;
  }

  /**
   * A transport that sends through a client derived from {@code client}; {@link #close()} leaves
   * {@code client}, its dispatcher and its connection pool running.
   */
  public static OkHttpTransport create(OkHttpClient client) {
    return new OkHttpTransport(client, false);
  }

  /**
   * The wire of one exchange on OkHttp's dispatcher.
   *
   * @throws IllegalStateException if this transport is closed
   * @throws IllegalArgumentException if OkHttp cannot send the request (a URI that is not http or
   *     https, a header value that is not ASCII)
   */
  @Override
  public Wire open(HttpRequest request, WireEvents events) {
    if (closed.get()) throw new IllegalStateException("transport is closed");
    return new OkHttpWire(clientFor(request), buffers, request, events, closed::get);
  }

  /**
   * Closes this transport. When it owns its client, cancels its calls, stops its dispatcher's
   * threads and closes its idle connections; a client passed to {@link #create(OkHttpClient)} is
   * left running. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true) || !ownsClient) return;
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "OkHttpTransport{" + (ownsClient ? "own client" : "caller's client") + '}';
  }
}
