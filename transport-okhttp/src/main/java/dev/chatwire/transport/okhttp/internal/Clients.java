package dev.chatwire.transport.okhttp.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * The client ChatWire sends with, derived once from the caller's: it shares the caller's
 * dispatcher, connection pool and interceptors (so nothing here owns a thread or a socket) and
 * turns off what core owns. OkHttp's retry on connection failure is off (core retries); its
 * connect, read and call timeouts are off (core runs every timer on its scheduler); redirects are
 * not followed (a POST is never re-sent, the key never goes to another origin: core reports the
 * 3xx). A network interceptor tells the wire when the connection is up, and turns what OkHttp
 * throws unchecked for a malformed response into a {@link ProtocolException}.
 */
public final class Clients {
  private Clients() {}

  /** The derived client; {@code client} stays as it is. */
  public static OkHttpClient derive(OkHttpClient client) {
    return client.newBuilder()
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(0, TimeUnit.MILLISECONDS)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .addNetworkInterceptor(Clients::connected)
        .build();
  }

  private static Response connected(Interceptor.Chain chain) throws IOException {
    OkHttpWire wire = chain.request().tag(OkHttpWire.class);
    if (wire != null) wire.connected();
    try {
      return chain.proceed(chain.request());
    } catch (IllegalArgumentException | IllegalStateException e) {
      ProtocolException typed = new ProtocolException(
          "malformed response (" + e.getClass().getSimpleName() + ")");
      typed.initCause(e);
      throw typed;
    }
  }
}
