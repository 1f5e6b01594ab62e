package dev.chatwire.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ProtocolException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One pooled HTTP/1.1 connection: the last handler of its channel's pipeline, which passes what
 * the codec decodes to the exchange that holds the connection. While the connection is idle in
 * its pool nothing may arrive: data then is a protocol error and closes it, and the end of the
 * stream (the server closing an idle connection) closes it too, so the pool drops it.
 *
 * <p>A chunked body it reads itself ({@link ChunkedBody}): after a chunked head it takes the HTTP
 * codec out of the pipeline, which hands on the bytes it holds beyond the head, so the raw reads
 * come here; after the last chunk it puts a new codec back for the connection's next response.
 */
final class Connection extends ChannelInboundHandlerAdapter implements ChunkedBody.Sink {
  private final HostPool pool;
  private final AtomicBoolean gone = new AtomicBoolean();
  private volatile @Nullable Channel channel;

  // Confined to the channel's event loop.
  private @Nullable NettyWire exchange;
  /** While a chunked body is read here, not by the codec. */
  private @Nullable ChunkedBody chunked;
  /** While the codec is being taken out: the read-complete it fires for its bytes is not one. */
  private boolean unplugging;

  // Guarded by the pool's lock.
  @Nullable ScheduledFuture<?> idleTimer;

  Connection(HostPool pool) {
    this.pool = pool;
  }

  Channel channel() {
    Channel c = channel;
    if (c == null) throw new IllegalStateException("not connected");
    return c;
  }

  /** Closes the channel, if there is one yet. */
  void close() {
    Channel c = channel;
    if (c != null) c.close();
  }

  HostPool pool() {
    return pool;
  }

  /** True exactly once: the first time the connection is counted as gone from its pool. */
  boolean markGone() {
    return gone.compareAndSet(false, true);
  }

  /** On the event loop: {@code e} now holds the connection. */
  void attach(NettyWire e) {
    exchange = e;
  }

  /** On the event loop: {@code e} lets go of the connection, if it held it. */
  void detach(NettyWire e) {
    if (exchange == e) exchange = null;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    NettyWire e = exchange;
    ChunkedBody body = chunked;
    if (e == null || (body == null) == (msg instanceof ByteBuf)) {
      // Nothing may arrive while the connection is idle; raw bytes only while a body is read here.
      ReferenceCountUtil.release(msg);
      ctx.close();
    } else if (body != null) {
      readChunks(ctx, e, body, (ByteBuf) msg);
    } else {
      e.onMessage(msg);
      if (exchange == e && msg instanceof HttpResponse && !(msg instanceof HttpContent)
          && ((HttpResponse) msg).decoderResult().isSuccess()
          && HttpUtil.isTransferEncodingChunked((HttpResponse) msg)) {
        // The codec leaves a chunked head so only when chunks follow (not for 1xx, 204, 304).
        chunked = new ChunkedBody();
        unplugging = true;
        try {
          ctx.pipeline().remove(Connector.CODEC); // its bytes beyond the head come here at once
        } finally {
          unplugging = false;
        }
      }
    }
  }

  private void readChunks(ChannelHandlerContext ctx, NettyWire e, ChunkedBody body, ByteBuf buf) {
    try {
      int end = body.read(buf, this);
      if (end < 0) return;
      chunked = null;
      ctx.pipeline().addBefore(ctx.name(), Connector.CODEC, Connector.codec());
      // Bytes after the body: the server sent what no request asked for; the body is whole, but
      // the connection is not used again.
      e.onChunkedEnd(end == buf.writerIndex());
    } catch (ProtocolException error) {
      chunked = null;
      e.onConnectionFailed(error);
      ctx.close();
    } finally {
      buf.release();
    }
  }

  @Override
  public void data(ByteBuf buf, int index, int length) {
    NettyWire e = exchange;
    if (e != null) e.onChunkData(buf, index, length);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    NettyWire e = exchange;
    if (e != null && !unplugging) e.onReadComplete();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    NettyWire e = exchange;
    exchange = null;
    if (e != null) e.onConnectionClosed();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    NettyWire e = exchange;
    if (e != null) e.onConnectionFailed(cause);
    ctx.close();
  }
}
