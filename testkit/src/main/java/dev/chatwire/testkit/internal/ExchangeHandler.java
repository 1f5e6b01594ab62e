package dev.chatwire.testkit.internal;

import dev.chatwire.transport.Headers;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The last handler of an HTTP/1.1 connection or of one HTTP/2 stream: records each request, asks
 * the {@link Responder} for its script, and runs one {@link ResponseWriter} at a time.
 */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final NettyServer server;
  private final boolean http2;
  private final int connectionIndex;
  private final ArrayDeque<ResponseWriter> waiting = new ArrayDeque<>();
  private @Nullable ResponseWriter active;

  ExchangeHandler(NettyServer server, boolean http2, int connectionIndex) {
    this.server = server;
    this.http2 = http2;
    this.connectionIndex = connectionIndex;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!request.decoderResult().isSuccess()) {
      ctx.close();
      return;
    }
    ExchangeRecord record = record(request);
    ctx.channel().closeFuture().addListener(f -> record.markClosed());
    boolean closeWhenDone = !http2 && !HttpUtil.isKeepAlive(request);
    server.responder().respond(record, script -> {
      if (ctx.executor().inEventLoop()) {
        start(ctx, new ResponseWriter(ctx, script, record, http2, closeWhenDone, () -> next()));
      } else {
        ctx.executor().execute(() -> start(
            ctx, new ResponseWriter(ctx, script, record, http2, closeWhenDone, () -> next())));
      }
    });
  }

  private ExchangeRecord record(FullHttpRequest request) {
    Headers.Builder headers = Headers.builder();
    for (Map.Entry<String, String> field : request.headers()) {
      // Netty's HTTP/2 to HTTP/1 conversion adds x-http2-* fields the client never sent.
      if (field.getKey().toLowerCase(Locale.ROOT).startsWith("x-http2-")) continue;
      headers.add(field.getKey(), field.getValue());
    }
    return new ExchangeRecord(
        request.method().name(),
        request.uri(),
        http2 ? "h2" : "http/1.1",
        headers.build(),
        ByteBufUtil.getBytes(request.content()),
        server.nextSequenceNumber(),
        connectionIndex);
  }

  private void start(ChannelHandlerContext ctx, ResponseWriter writer) {
    if (!ctx.channel().isActive()) return;
    if (active != null) {
      waiting.add(writer);
      return;
    }
    active = writer;
    writer.pump();
  }

  private void next() {
    active = waiting.poll();
    if (active != null) active.pump();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (active != null && ctx.channel().isWritable()) active.pump();
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (active != null) active.abort();
    waiting.clear();
    active = null;
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Peers reset connections on purpose in these tests; a broken channel simply closes.
    ctx.close();
  }
}
