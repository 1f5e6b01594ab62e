package dev.chatwire.transport.netty.internal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.jspecify.annotations.Nullable;

/**
 * Opens connections: TCP with auto-read off, TLS with host name verification where the address
 * is https, then the HTTP/1.1 codec and the {@link Connection} that routes to exchanges. No timer
 * of Netty's bounds the connect or the handshake: core's connect timer does, on its scheduler.
 */
final class Connector {
  private static final int MAX_INITIAL_LINE = 4096;
  private static final int MAX_HEADER_BYTES = 32 * 1024;
  private static final int MAX_CONTENT_PER_MESSAGE = 64 * 1024;
  /** The HTTP codec's name in the pipeline ({@link Connection} takes it out for a chunked body). */
  static final String CODEC = "http";

  private final Bootstrap base;
  private final @Nullable SslContext givenTls;
  private @Nullable SslContext defaultTls; // guarded by this

  Connector(EventLoopGroup group, Class<? extends Channel> channelType,
      @Nullable SslContext tls, Dns dns) {
    this.givenTls = tls;
    this.base = new Bootstrap()
        .group(group)
        .channel(channelType)
        .resolver(dns)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 0) // core times the connect
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.RCVBUF_ALLOCATOR, READS);
  }

  /**
   * Reads of 1 KiB at least, growing to 64 KiB for a fast stream. Netty's default shrinks its
   * read size to fit small reads, down to 64 bytes: after a few short events (a role chunk, a
   * one-letter token) a slow stream's next event of a few hundred bytes came in pieces, one read
   * and one hand-over to the driver each, and the SSE decoder held and joined them (with a
   * thousand slow streams, half a kilobyte of heap each at any moment). The cost: a read's pooled
   * buffer lives until the driver releases the last piece of it, which for a blocking stream is at
   * its next read, so a slow stream on plain HTTP holds up to 1 KiB of pooled direct memory
   * between events (about the size of one event before), not heap.
   */
  private static final AdaptiveRecvByteBufAllocator READS =
      new AdaptiveRecvByteBufAllocator(1024, 2048, 64 * 1024);

  /**
   * Connects {@code connection} to {@code address}; {@code done} receives null once the connection
   * is ready for a request (after the TLS handshake), or what failed (the channel is closed then).
   */
  void connect(Address address, Connection connection, Consumer<@Nullable Throwable> done) {
    SslContext tls;
    try {
      tls = address.isSecure() ? tls() : null;
    } catch (SSLException e) {
      done.accept(e);
      return;
    }
    ChannelFuture connect = base.clone()
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            if (tls != null) ch.pipeline().addLast(sslHandler(tls, ch, address));
            ch.pipeline().addLast(CODEC, codec());
            ch.pipeline().addLast(connection);
          }
        })
        .connect(InetSocketAddress.createUnresolved(address.host(), address.port()));
    Channel channel = connect.channel();
    channel.closeFuture().addListener(f -> connection.pool().gone(connection));
    connect.addListener(f -> {
      if (!f.isSuccess()) {
        channel.close();
        done.accept(f.cause() != null ? f.cause() : new IOException("connect cancelled"));
        return;
      }
      SslHandler ssl = channel.pipeline().get(SslHandler.class);
      if (ssl == null) {
        done.accept(null);
        return;
      }
      ssl.handshakeFuture().addListener(h -> {
        String protocol = ssl.applicationProtocol();
        Throwable failure = h.cause();
        if (h.isSuccess() && protocol != null && !ApplicationProtocolNames.HTTP_1_1.equals(protocol)) {
          failure = new IOException("the server chose " + protocol
              + " by ALPN; this transport speaks HTTP/1.1 only (offer only http/1.1)");
        }
        if (failure != null) channel.close();
        done.accept(failure);
      });
      channel.read(); // auto-read is off: the handshake needs reads
    });
  }

  /** A new HTTP/1.1 codec, for a new connection or the next response on one. */
  static HttpClientCodec codec() {
    return new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, MAX_CONTENT_PER_MESSAGE);
  }

  private static SslHandler sslHandler(SslContext tls, Channel ch, Address address) {
    SslHandler ssl = tls.newHandler(ch.alloc(), address.host(), address.port());
    SSLEngine engine = ssl.engine();
    SSLParameters params = engine.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS");
    String host = address.host();
    if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
      try {
        params.setServerNames(Collections.singletonList(new SNIHostName(host)));
      } catch (IllegalArgumentException e) {
        // Not a name SNI can carry; the handshake goes without it.
      }
    }
    engine.setSSLParameters(params);
    ssl.setHandshakeTimeoutMillis(0); // core's connect timer covers the handshake
    return ssl;
  }

  private synchronized SslContext tls() throws SSLException {
    if (givenTls != null) return givenTls;
    SslContext tls = defaultTls;
    if (tls == null) {
      // No ALPN offered: servers that speak HTTP/2 then answer in HTTP/1.1.
      tls = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).build();
      defaultTls = tls;
    }
    return tls;
  }
}
