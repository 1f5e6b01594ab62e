package dev.chatwire.internal.okhttp;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * The clients ChatWire sends with, derived from the caller's: OkHttp's own retry off (core
 * retries), read and call timeouts off (core runs the idle and total timers), and one client per
 * distinct connect timeout, cached. Derived clients share the caller's dispatcher, connection pool
 * and interceptors, so nothing here owns a thread or a socket.
 */
public final class DerivedClients {
  /** Beyond this many distinct connect timeouts a derived client is built per request. */
  private static final int MAX_CACHED = 16;

  private final OkHttpClient base;
  private final ConcurrentHashMap<Long, OkHttpClient> byConnectMillis = new ConcurrentHashMap<>();

  /** Derives from {@code client}, which stays as it is. */
  public DerivedClients(OkHttpClient client) {
    this.base = client.newBuilder()
        .retryOnConnectionFailure(false)
        .readTimeout(0, TimeUnit.MILLISECONDS)
        .callTimeout(0, TimeUnit.MILLISECONDS)
        .build();
  }

  /** The client with the caller's connect timeout. */
  public OkHttpClient base() {
    return base;
  }

  /** The client for {@code connectTimeout}; null means the caller's client's own. */
  public OkHttpClient forConnectTimeout(@Nullable Duration connectTimeout) {
    if (connectTimeout == null) return base;
    long millis = toMillis(connectTimeout);
    if (millis == base.connectTimeoutMillis()) return base;
    OkHttpClient cached = byConnectMillis.get(millis);
    if (cached != null) return cached;
    OkHttpClient derived =
        base.newBuilder().connectTimeout(millis, TimeUnit.MILLISECONDS).build();
    if (byConnectMillis.size() >= MAX_CACHED) return derived;
    OkHttpClient raced = byConnectMillis.putIfAbsent(millis, derived);
    return raced != null ? raced : derived;
  }

  /** The number of cached derived clients. */
  int cachedCount() {
    return byConnectMillis.size();
  }

  /**
   * OkHttp counts whole milliseconds and reads 0 as "no timeout", so a positive sub-millisecond
   * timeout rounds up to 1 ms; zero or negative means none.
   */
  static long toMillis(Duration d) {
    if (d.isNegative() || d.isZero()) return 0;
    long millis;
    try {
      millis = d.toMillis();
    } catch (ArithmeticException overflow) {
      return Integer.MAX_VALUE;
    }
    if (millis == 0) return 1;
    return Math.min(millis, Integer.MAX_VALUE);
  }
}
