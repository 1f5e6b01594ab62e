package dev.chatwire.testkit.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The Netty server: one I/O thread (so the number of server threads never depends on the number
 * of connections), bound to 127.0.0.1 on an ephemeral port, HTTP/1.1 in clear text or, with TLS,
 * HTTP/2 or HTTP/1.1 as ALPN decides.
 */
public final class NettyServer implements AutoCloseable {
  private final Responder responder;
  private final EventLoopGroup group;
  private final Channel serverChannel;
  private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();

  /** Starts a server; {@code tls} null for clear text. */
  public NettyServer(Responder responder, @Nullable SslContext tls) {
    LeakWatch.install();
    this.responder = responder;
    this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("chatwire-testkit-server", true));
    try {
      ServerBootstrap bootstrap = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              connections.add(ch);
              ch.closeFuture().addListener(f -> connections.remove(ch));
              int index = connectionCount.getAndIncrement();
              if (tls == null) {
                Pipelines.http1(ch.pipeline(), NettyServer.this, index);
              } else {
                Pipelines.tls(ch, tls, NettyServer.this, index);
              }
            }
          });
      this.serverChannel = bootstrap.bind(new InetSocketAddress(loopback(), 0))
          .syncUninterruptibly()
          .channel();
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
  }

  private static InetAddress loopback() {
    try {
      return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** The bound port. */
  public int port() {
    return ((InetSocketAddress) serverChannel.localAddress()).getPort();
  }

  /** The number of connections accepted so far. */
  public int connectionCount() {
    return connectionCount.get();
  }

  /** The number of connections open now. */
  public int openConnectionCount() {
    return connections.size();
  }

  /** The number of requests received so far. */
  public int requestCount() {
    return sequence.get();
  }

  Responder responder() {
    return responder;
  }

  int nextSequenceNumber() {
    return sequence.getAndIncrement();
  }

  /** Closes every connection and the listening socket and stops the I/O thread. */
  @Override
  public void close() {
    serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    for (Channel connection : connections) {
      connection.close();
    }
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
  }
}
