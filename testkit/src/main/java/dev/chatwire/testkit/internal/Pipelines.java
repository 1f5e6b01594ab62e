package dev.chatwire.testkit.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;

/** Builds the server pipelines: HTTP/1.1, and TLS that leads to HTTP/2 or HTTP/1.1 by ALPN. */
final class Pipelines {
  /** The largest request body the server aggregates (larger requests get 413). */
  static final int MAX_REQUEST_BODY = 64 * 1024 * 1024;

  private Pipelines() {}

  static void http1(ChannelPipeline pipeline, NettyServer server, int connectionIndex) {
    pipeline.addLast(new HttpServerCodec());
    pipeline.addLast(new HttpObjectAggregator(MAX_REQUEST_BODY));
    pipeline.addLast(new ExchangeHandler(server, false, connectionIndex));
  }

  static void tls(Channel ch, SslContext tls, NettyServer server, int connectionIndex) {
    ch.pipeline().addLast(tls.newHandler(ch.alloc()));
    ch.pipeline().addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
      @Override
      protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
          http2(ctx.pipeline(), server, connectionIndex);
        } else {
          http1(ctx.pipeline(), server, connectionIndex);
        }
      }
    });
  }

  private static void http2(ChannelPipeline pipeline, NettyServer server, int connectionIndex) {
    pipeline.addLast(Http2FrameCodecBuilder.forServer().build());
    pipeline.addLast(new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel stream) {
        stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true));
        stream.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST_BODY));
        stream.pipeline().addLast(new ExchangeHandler(server, true, connectionIndex));
      }
    }));
  }
}
