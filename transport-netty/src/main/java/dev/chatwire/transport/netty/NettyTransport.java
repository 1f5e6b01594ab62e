package dev.chatwire.transport.netty;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import dev.chatwire.transport.netty.internal.ConnectionPool;
import dev.chatwire.transport.netty.internal.EventLoops;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Transport} on Netty 4.1, for servers: many streams on few threads. HTTP/1.1 over TCP
 * and TLS, with a pool of keep-alive connections per host and port.
 *
 * <p><b>Threading.</b> Every exchange runs on one event loop thread of the group, and every
 * {@link ResponseHandler} call of that exchange is made there, one at a time, so a handler must
 * never block. No thread exists per stream: {@link #create()} owns two daemon I/O threads, however
 * many streams are open. Host names are looked up on two more daemon threads that end when idle,
 * never on an event loop. {@link Exchange#request()} and {@link Exchange#cancel()} may be called
 * from any thread.
 *
 * <p><b>Streaming.</b> Channels run with auto-read off. A socket read is issued while the response
 * head is awaited, and then when core's exchange driver asks: ahead of demand by at most a small
 * window (128 KiB), so a blocking reader takes what is buffered on its own thread without a hop to
 * the event loop. Each decoded piece of body becomes one {@code onBody} call per {@link
 * Exchange#request()}, handed over the moment it arrives, and its buffer is released right after
 * the call. A consumer that stops asking stops the reads, and TCP then slows the server down.
 *
 * <p><b>Connections.</b> A connection goes back to its pool after a fully read response that the
 * server did not mark {@code Connection: close}; a cancelled or failed exchange closes its
 * connection instead. At most {@link Builder#maxConnectionsPerHost(int)} connections exist per host
 * and port (256 by default); further exchanges wait for one in arrival order. Idle connections close
 * after {@link Builder#idleConnectionTimeout(Duration)} (60 seconds by default) or when the server
 * closes them.
 *
 * <p><b>Requests.</b> {@code Host} and {@code Content-Length} are set by the transport; the
 * caller's hop-by-hop fields ({@code Connection}, {@code Transfer-Encoding}, {@code Upgrade},
 * {@code Expect} and the like) are not sent. The connect (TCP and TLS) is timed by core's connect
 * timer, not by Netty. Response header fields keep their order and repeats.
 *
 * <p><b>TLS.</b> {@code https} URIs are verified against the JDK's trusted certificates, with
 * host name verification and SNI. A caller's {@link SslContext} (its own trust, client
 * certificates) is given to the {@link Builder}; it must offer no ALPN protocol but {@code
 * http/1.1}, as HTTP/2 is not spoken here.
 *
 * <pre>{@code
 * // Java
 * try (NettyTransport transport = NettyTransport.create();
 *      ChatWire client = ChatWire.builder().transport(transport).apiKey(key).build()) {
 *   client.chat().streamAsync(request, listener);
 * }
 *
 * NettyTransport shared = NettyTransport.builder()
 *     .eventLoopGroup(myGroup)            // the caller's group: close() leaves it running
 *     .maxConnectionsPerHost(64)
 *     .build();
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val transport = NettyTransport.builder()
 *     .sslContext(SslContextBuilder.forClient().trustManager(caFile).build())
 *     .build()
 * }</pre>
 */
public final class NettyTransport implements Transport {
  private final ConnectionPool pool;
  private final @Nullable EventLoopGroup ownGroup;

  private NettyTransport(ConnectionPool pool, @Nullable EventLoopGroup ownGroup) {
    this.pool = pool;
    this.ownGroup = ownGroup;
  }

  /** A transport with its own group of two daemon I/O threads, shut down by {@link #close()}. */
  public static NettyTransport create() {
    return builder().build();
  }

  /**
   * A transport on the caller's {@code group}, which stays the caller's: {@link #close()} closes
   * this transport's connections and leaves the group running. Epoll, KQueue and io_uring groups
   * get their native socket channel; any other group gets NIO channels.
   */
  public static NettyTransport create(EventLoopGroup group) {
    return builder().eventLoopGroup(group).build();
  }

  /** Starts configuring a transport. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Wire open(HttpRequest request, WireEvents events) {
    return pool.open(request, events);
  }

  /**
   * Closes every connection (open exchanges end with {@code onError}), and shuts down the event
   * loop group if this transport created it, without waiting for its threads to end. Idempotent.
   */
  @Override
  public void close() {
    pool.close();
    EventLoopGroup group = ownGroup;
    if (group != null && !group.isShuttingDown()) group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
  }

  /** Configures a {@link NettyTransport}; not thread-safe. */
  public static final class Builder {
    private @Nullable EventLoopGroup group;
    private @Nullable Class<? extends Channel> channelType;
    private int ioThreads = 2;
    private @Nullable SslContext sslContext;
    private int maxConnectionsPerHost = 256;
    private Duration idleConnectionTimeout = Duration.ofSeconds(60);

    Builder() {}

    /** Runs on the caller's group, which {@link NettyTransport#close()} leaves running. */
    public Builder eventLoopGroup(EventLoopGroup group) {
      this.group = Objects.requireNonNull(group, "group");
      return this;
    }

    /**
     * The socket channel class for the caller's group, when it is none Netty ships (the channel
     * class is found for NIO, epoll, kqueue and io_uring groups).
     */
    public Builder channelType(Class<? extends Channel> channelType) {
      this.channelType = Objects.requireNonNull(channelType, "channelType");
      return this;
    }

    /** How many I/O threads the transport's own group has (2 by default); unused with a group. */
    public Builder ioThreads(int ioThreads) {
      if (ioThreads < 1) throw new IllegalArgumentException("ioThreads < 1: " + ioThreads);
      this.ioThreads = ioThreads;
      return this;
    }

    /**
     * The TLS settings for {@code https}, built with {@code SslContextBuilder.forClient()};
     * host name verification is turned on for it. It must offer no ALPN protocol but {@code
     * http/1.1}.
     */
    public Builder sslContext(SslContext sslContext) {
      if (!sslContext.isClient()) throw new IllegalArgumentException("not a client SslContext");
      this.sslContext = sslContext;
      return this;
    }

    /** The most connections open to one host and port at once (256 by default). */
    public Builder maxConnectionsPerHost(int max) {
      if (max < 1) throw new IllegalArgumentException("maxConnectionsPerHost < 1: " + max);
      this.maxConnectionsPerHost = max;
      return this;
    }

    /** How long a connection may stay idle in the pool before it is closed (60 s by default). */
    public Builder idleConnectionTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("idleConnectionTimeout must be positive: " + timeout);
      }
      this.idleConnectionTimeout = timeout;
      return this;
    }

    /** The transport. */
    public NettyTransport build() {
      EventLoopGroup given = group;
      EventLoopGroup used = given != null ? given : EventLoops.newGroup(ioThreads);
      Class<? extends Channel> type =
          channelType != null ? channelType : EventLoops.socketChannelFor(used);
      ConnectionPool pool = new ConnectionPool(
          used, type, sslContext, maxConnectionsPerHost, idleConnectionTimeout);
      return new NettyTransport(pool, given == null ? used : null);
    }
  }
}
