package dev.chatwire.transport.netty.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One pooled HTTP/1.1 connection: the last handler of its channel's pipeline, which passes what
 * the codec decodes to the exchange that holds the connection. While the connection is idle in
 * its pool nothing may arrive: data then is a protocol error and closes it, and the end of the
 * stream (the server closing an idle connection) closes it too, so the pool drops it.
 */
final class Connection extends ChannelInboundHandlerAdapter {
  private final HostPool pool;
  private final AtomicBoolean gone = new AtomicBoolean();
  private volatile @Nullable Channel channel;

  // Confined to the channel's event loop.
  private @Nullable NettyWire exchange;

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
    if (e != null) {
      e.onMessage(msg);
    } else {
      ReferenceCountUtil.release(msg);
      ctx.close();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    NettyWire e = exchange;
    if (e != null) e.onReadComplete();
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
