package dev.chatwire.transport.netty.internal;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One exchange on a pooled connection, as a {@link Wire}. Until it has a connection the pool
 * drives it ({@link #acquired} or {@link #failed}, once); from then on it lives on the
 * connection's event loop and reports what the codec decodes to core's exchange driver. Auto-read
 * is off: the wire reads the head by itself, and the body only when the driver asks. Each decoded
 * content, and each run of a chunked body's data ({@link Connection} reads those itself), goes to
 * the driver with its {@code ByteBuf} as the token (a run's read buffer, retained once for it),
 * released when the driver is done with it: at once on the event loop; from another thread (a
 * blocking stream's reader), on the event loop with the next read the driver asks for, see {@link
 * #release}.
 */
final class NettyWire implements Wire {
  /** Until it is written; dropped then, so a long stream keeps no request headers. */
  private @Nullable Requests request;
  private final WireEvents events;
  private final HostPool pool;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  /** The connection while this exchange holds it; whoever takes it out releases or closes it. */
  private final AtomicReference<@Nullable Connection> owned = new AtomicReference<>();
  private final Runnable readTask = this::readNow;
  private volatile @Nullable Channel channel;
  /** Contents the driver is done with on another thread, released by the next read task. */
  private final HeldReleases done = new HeldReleases();

  // Confined to the connection's event loop.
  private boolean responded;
  private boolean informational;
  private boolean keepAlive;
  private boolean requestWritten;
  private boolean ended;

  NettyWire(Requests request, WireEvents events, HostPool pool) {
    this.request = request;
    this.events = events;
    this.pool = pool;
  }

  @Override
  public void start() {
    pool.acquire(this);
  }

  @Override
  public void read() {
    Channel c = channel;
    if (c == null) return;
    if (c.eventLoop().inEventLoop()) {
      readNow();
    } else {
      try {
        c.eventLoop().execute(readTask);
      } catch (RejectedExecutionException e) {
        // The event loop is shut down: its channels are closed and the driver hears of it.
      }
    }
  }

  private void readNow() {
    done.releaseAll(false);
    Connection c = owned.get();
    if (c != null) c.channel().read();
  }

  @Override
  public void cancel() {
    if (!cancelled.compareAndSet(false, true)) return;
    done.releaseAll(true);
    Connection c = owned.getAndSet(null);
    if (c != null) {
      c.channel().close();
    } else {
      pool.abandon(this);
    }
  }

  /**
   * Releases a content: on the event loop at once; from another thread (a blocking stream's
   * reader), held for the next read task the driver asks for, which releases it on the loop (see
   * {@link HeldReleases}).
   */
  @Override
  public void release(Object token) {
    Channel c = channel;
    if (c != null && !c.eventLoop().inEventLoop() && done.hold(token)) return;
    ReferenceCountUtil.release(token);
  }

  // From the pool, once, on any thread.

  void acquired(Connection c) {
    try {
      c.channel().eventLoop().execute(() -> attach(c));
    } catch (RejectedExecutionException e) {
      c.channel().close();
      failed(new IOException("transport closed"));
    }
  }

  void failed(Throwable error) {
    if (!cancelled.get()) events.error(Errors.toIoException(error));
  }

  // On the connection's event loop.

  private void attach(Connection c) {
    owned.set(c);
    if (cancelled.get()) {
      // Nothing was sent: the connection is as good as new.
      if (owned.compareAndSet(c, null)) pool.release(c, true);
      return;
    }
    channel = c.channel();
    c.attach(this);
    events.connected();
    Requests r = request;
    if (r == null) throw new IllegalStateException("the request was already written");
    request = null;
    c.channel().writeAndFlush(r.toMessage()).addListener(f -> {
      if (f.isSuccess()) {
        requestWritten = true;
      } else {
        Throwable cause = f.cause();
        onConnectionFailed(cause != null ? cause : new IOException("request write cancelled"));
      }
    });
    c.channel().read(); // the head
  }

  void onMessage(Object msg) {
    if (ended || !(msg instanceof HttpObject)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (((HttpObject) msg).decoderResult().isFailure()) {
      Throwable cause = ((HttpObject) msg).decoderResult().cause();
      ReferenceCountUtil.release(msg);
      ProtocolException e = new ProtocolException("malformed HTTP response");
      e.initCause(cause);
      onConnectionFailed(e);
      return;
    }
    if (msg instanceof HttpResponse) onHead((HttpResponse) msg);
    if (msg instanceof HttpContent) onContent((HttpContent) msg);
  }

  private void onHead(HttpResponse head) {
    int status = head.status().code();
    if (status >= 100 && status < 200 && status != 101) {
      informational = true; // 100 Continue, 103 Early Hints: the real response follows
      return;
    }
    keepAlive = HttpUtil.isKeepAlive(head);
    Headers.Builder fields = Headers.builder();
    Iterator<Map.Entry<String, String>> it = head.headers().iteratorAsString();
    while (it.hasNext()) {
      Map.Entry<String, String> field = it.next();
      fields.add(field.getKey(), field.getValue());
    }
    responded = true;
    events.head(status, fields.build());
  }

  private void onContent(HttpContent content) {
    if (informational || !content.content().isReadable()) {
      content.release();
    } else {
      events.body(view(content.content()), content.content());
    }
    if (content instanceof LastHttpContent) {
      if (informational) {
        informational = false;
      } else {
        bodyEnded(true);
      }
    }
  }

  /**
   * A run of a chunked body's data, {@code length} bytes of {@code buf} from {@code index}
   * ({@link Connection} reads chunked bodies itself): to the driver with {@code buf} retained once
   * as its token.
   */
  void onChunkData(ByteBuf buf, int index, int length) {
    if (ended || length == 0) return;
    events.body(view(buf, index, length), buf.retain());
  }

  /** The chunked body ended; {@code reusable}: nothing came after it. */
  void onChunkedEnd(boolean reusable) {
    if (!ended) bodyEnded(reusable);
  }

  private void bodyEnded(boolean reusable) {
    ended = true;
    releaseConnection(reusable && keepAlive && requestWritten);
    done.releaseAll(true);
    events.end();
  }

  /**
   * {@code length} bytes of {@code buf} from {@code index}, as a buffer valid while {@code buf} is
   * retained: the pooled buffer's own NIO view, positioned there (only this connection's event
   * loop touches it) and sliced, one object; a buffer of several parts is copied into one.
   */
  static ByteBuffer view(ByteBuf buf, int index, int length) {
    return buf.nioBufferCount() == 1
        ? buf.internalNioBuffer(index, length).slice()
        : buf.nioBuffer(index, length);
  }

  /**
   * The readable bytes of {@code buf}, as a buffer that stays valid while {@code buf} is retained.
   * An HTTP chunk's content is a slice of a pooled buffer, whose {@code nioBuffer()} duplicates
   * the pooled buffer's NIO view and slices the copy: two buffer objects per event, and half of
   * the event loop's samples in a profile of one fast stream. When the slice's place in the buffer
   * it derives from can be told from their memory addresses, that buffer's own view is positioned
   * there (only this connection's event loop touches it) and sliced: one object.
   */
  static ByteBuffer view(ByteBuf buf) {
    ByteBuffer inRoot = viewInRoot(buf);
    return inRoot != null ? inRoot : buf.nioBuffer();
  }

  /** As {@link #view}, through the buffer {@code buf} derives from; null when that cannot be. */
  static @Nullable ByteBuffer viewInRoot(ByteBuf buf) {
    ByteBuf root = buf.unwrap();
    if (root == null) return null;
    // Through any wrappers (a leak detector's) and slices, to the buffer that owns the memory.
    for (ByteBuf next = root.unwrap(); next != null; next = next.unwrap()) root = next;
    if (!buf.hasMemoryAddress() || !root.hasMemoryAddress() || root.nioBufferCount() != 1) {
      return null;
    }
    long start = buf.memoryAddress() - root.memoryAddress() + buf.readerIndex();
    int length = buf.readableBytes();
    if (start < 0 || start + length > root.capacity()) return null;
    return root.internalNioBuffer((int) start, length).slice();
  }

  void onReadComplete() {
    if (ended) return;
    if (responded) {
      events.readComplete();
    } else {
      readNow(); // still waiting for the head
    }
  }

  void onConnectionClosed() {
    owned.set(null);
    done.releaseAll(true);
    if (ended) return;
    ended = true;
    events.error(new IOException(responded
        ? "the server closed the connection before the response body ended"
        : "the server closed the connection before responding"));
  }

  void onConnectionFailed(Throwable cause) {
    done.releaseAll(true);
    if (ended) return;
    ended = true;
    releaseConnection(false);
    events.error(Errors.toIoException(cause));
  }

  private void releaseConnection(boolean reusable) {
    Connection c = owned.getAndSet(null);
    if (c == null) return;
    c.detach(this);
    pool.release(c, reusable);
  }
}
