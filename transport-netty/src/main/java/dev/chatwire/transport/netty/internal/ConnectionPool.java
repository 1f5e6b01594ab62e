package dev.chatwire.transport.netty.internal;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything a Netty transport runs on: one {@link HostPool} per address, the connector they open
 * connections with, and the resolver. Thread-safe.
 */
public final class ConnectionPool {
  private static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final Exchange ENDED = new Exchange() {
    @Override
    public void request() {}

    @Override
    public void cancel() {}
  };

  private final Dns dns = new Dns();
  private final Connector connector;
  private final int maxConnectionsPerHost;
  private final long idleTimeoutNanos;
  // Guarded by itself.
  private final Map<Address, HostPool> pools = new HashMap<>();
  private boolean closed;

  /** A pool whose connections run on {@code group} as channels of {@code channelType}. */
  public ConnectionPool(EventLoopGroup group, Class<? extends Channel> channelType,
      @Nullable SslContext sslContext, int maxConnectionsPerHost, Duration idleTimeout) {
    this.connector = new Connector(group, channelType, sslContext, dns);
    this.maxConnectionsPerHost = maxConnectionsPerHost;
    this.idleTimeoutNanos = idleTimeout.toNanos();
  }

  /** Starts {@code request} on a pooled connection; problems go to the handler's onError. */
  public Exchange execute(HttpRequest request, ResponseHandler handler) {
    Address address;
    Requests prepared;
    try {
      address = Address.of(request.getUri());
      prepared = Requests.prepare(request, address);
    } catch (IllegalArgumentException e) {
      return endNow(handler, new IOException("cannot send the request: " + e.getMessage(), e));
    }
    HostPool pool;
    synchronized (pools) {
      if (closed) return endNow(handler, new IOException("transport closed"));
      pool = pools.computeIfAbsent(address,
          a -> new HostPool(a, connector, maxConnectionsPerHost, idleTimeoutNanos));
    }
    NettyExchange exchange =
        new NettyExchange(prepared, handler, pool, connectTimeoutMillis(request));
    pool.acquire(exchange);
    return exchange;
  }

  private static int connectTimeoutMillis(HttpRequest request) {
    Duration timeout = request.getConnectTimeout();
    if (timeout == null) return DEFAULT_CONNECT_TIMEOUT_MILLIS;
    if (timeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) >= 0) return Integer.MAX_VALUE;
    return (int) Math.max(1, timeout.toMillis());
  }

  private static Exchange endNow(ResponseHandler handler, IOException error) {
    try {
      handler.onError(error);
    } catch (RuntimeException ignored) {
      // Nothing is left to tell.
    }
    return ENDED;
  }

  /** Closes every connection and fails waiting exchanges; later exchanges fail at once. */
  public void close() {
    List<HostPool> all;
    synchronized (pools) {
      if (closed) return;
      closed = true;
      all = new ArrayList<>(pools.values());
      pools.clear();
    }
    for (HostPool pool : all) pool.close();
    dns.close();
  }
}
