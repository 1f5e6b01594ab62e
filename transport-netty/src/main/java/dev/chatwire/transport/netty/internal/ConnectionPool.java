package dev.chatwire.transport.netty.internal;

import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
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

  /**
   * The wire for {@code request} on a pooled connection.
   *
   * @throws IllegalStateException if the pool is closed
   * @throws IllegalArgumentException if the request cannot be sent over HTTP/1.1
   */
  public Wire open(HttpRequest request, WireEvents events) {
    Address address = Address.of(request.getUri());
    Requests prepared = Requests.prepare(request, address);
    HostPool pool;
    synchronized (pools) {
      if (closed) throw new IllegalStateException("transport is closed");
      pool = pools.computeIfAbsent(address,
          a -> new HostPool(a, connector, maxConnectionsPerHost, idleTimeoutNanos));
    }
    return new NettyWire(prepared, events, pool);
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
