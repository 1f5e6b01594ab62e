package dev.chatwire.transport.netty.internal;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.ResponseHandler;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One exchange on a pooled connection. Until it has a connection, the pool drives it ({@link
 * #acquired} or {@link #failed}, once). From then on all of its state lives on the connection's
 * event loop, and so does every handler call: {@link #request()} and {@link #cancel()} from other
 * threads only count demand, flip a flag, close the channel, and schedule {@link #drain()} there.
 *
 * <p>Reads are demand-driven: the channel's auto-read is off, and a read is issued only while the
 * response head is awaited, or while the caller has demand and no decoded content is waiting.
 * One socket read can decode into several contents; they queue and go out one per unit of demand,
 * each released right after its {@code onBody} call.
 */
final class NettyExchange implements Exchange {
  private final Requests request;
  private final ResponseHandler handler;
  private final HostPool pool;
  private final int connectTimeoutMillis;
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  /** The connection while this exchange holds it; whoever takes it out releases or closes it. */
  private final AtomicReference<@Nullable Connection> owned = new AtomicReference<>();
  private final Runnable drainTask = this::drain;
  private volatile @Nullable EventLoop loop;

  // Confined to the connection's event loop.
  private final ArrayDeque<ByteBuf> queue = new ArrayDeque<>();
  private boolean responded;
  private boolean informational;
  private boolean keepAlive;
  private boolean requestWritten;
  private boolean complete;
  private @Nullable IOException failure;
  private boolean terminated;
  private boolean draining;
  private boolean again;

  NettyExchange(Requests request, ResponseHandler handler, HostPool pool, int connectTimeoutMillis) {
    this.request = request;
    this.handler = handler;
    this.pool = pool;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  // Exchange: any thread.

  @Override
  public void request() {
    if (demand.incrementAndGet() < 0) demand.set(Long.MAX_VALUE);
    schedule();
  }

  @Override
  public void cancel() {
    if (!cancelled.compareAndSet(false, true)) return;
    Connection c = owned.getAndSet(null);
    if (c != null) {
      c.channel().close();
    } else {
      pool.abandon(this);
    }
    schedule(); // releases what is queued
  }

  private void schedule() {
    EventLoop l = loop;
    if (l == null) return;
    if (l.inEventLoop()) {
      drain();
    } else {
      try {
        l.execute(drainTask);
      } catch (RejectedExecutionException e) {
        // The event loop is shut down: its channels are closed and nothing is left to do.
      }
    }
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
    if (cancelled.get()) return;
    try {
      handler.onError(Errors.toIoException(error));
    } catch (RuntimeException | Error ignored) {
      // Nothing is left to tell.
    }
  }

  // On the connection's event loop.

  private void attach(Connection c) {
    loop = c.channel().eventLoop();
    owned.set(c);
    if (cancelled.get()) {
      // Nothing was sent: the connection is as good as new.
      if (owned.compareAndSet(c, null)) pool.release(c, true);
      return;
    }
    c.attach(this);
    c.channel().writeAndFlush(request.toMessage()).addListener(f -> {
      if (f.isSuccess()) {
        requestWritten = true;
      } else {
        Throwable cause = f.cause();
        onConnectionFailed(cause != null ? cause : new IOException("request write cancelled"));
      }
    });
    drain();
  }

  void onMessage(Object msg) {
    if (terminated || !(msg instanceof HttpObject)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (((HttpObject) msg).decoderResult().isFailure()) {
      Throwable cause = ((HttpObject) msg).decoderResult().cause();
      ReferenceCountUtil.release(msg);
      onConnectionFailed(new IOException("malformed HTTP response", cause));
      return;
    }
    if (msg instanceof HttpResponse) {
      onHead((HttpResponse) msg);
      if (terminated) { // the handler threw
        ReferenceCountUtil.release(msg);
        return;
      }
    }
    if (msg instanceof HttpContent) {
      HttpContent content = (HttpContent) msg;
      if (informational || !content.content().isReadable()) {
        content.release();
      } else {
        queue.add(content.content()); // the queue now owns the reference
      }
      if (msg instanceof LastHttpContent) {
        if (informational) {
          informational = false;
        } else {
          complete = true;
          releaseConnection(keepAlive && requestWritten);
        }
      }
    }
    drain();
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
    if (cancelled.get()) return;
    try {
      handler.onResponse(status, fields.build());
    } catch (RuntimeException | Error e) {
      handlerFailed(e);
    }
  }

  void onReadComplete() {
    drain();
  }

  void onConnectionClosed() {
    owned.set(null);
    if (!complete && failure == null) {
      failure = new IOException(responded
          ? "the server closed the connection before the response body ended"
          : "the server closed the connection before responding");
    }
    drain();
  }

  void onConnectionFailed(Throwable cause) {
    if (complete || terminated) return;
    if (failure == null) failure = Errors.toIoException(cause);
    releaseConnection(false);
    drain();
  }

  private void drain() {
    if (draining) {
      again = true; // a handler call signalled demand or cancelled: loop once more
      return;
    }
    draining = true;
    try {
      do {
        again = false;
        drainOnce();
      } while (again);
    } finally {
      draining = false;
    }
  }

  private void drainOnce() {
    while (!terminated) {
      if (cancelled.get()) {
        end();
        return;
      }
      if (responded) {
        ByteBuf next = queue.peek();
        if (next != null) {
          if (demand.get() <= 0) return;
          demand.decrementAndGet();
          queue.poll();
          deliver(next);
          continue;
        }
      }
      IOException error = failure;
      if (error != null) {
        end();
        call(error);
      } else if (complete) {
        end();
        call(null);
      } else if (!responded || demand.get() > 0) {
        Connection c = owned.get();
        if (c != null) c.channel().read();
      }
      return;
    }
  }

  private void deliver(ByteBuf content) {
    try {
      handler.onBody(content.nioBuffer());
    } catch (RuntimeException | Error e) {
      handlerFailed(e);
    } finally {
      content.release();
    }
  }

  /** The terminal call: onError for an error, onComplete for null. */
  private void call(@Nullable IOException error) {
    if (cancelled.get()) return;
    try {
      if (error != null) {
        handler.onError(error);
      } else {
        handler.onComplete();
      }
    } catch (RuntimeException | Error ignored) {
      // The exchange has ended; there is nothing left to tell.
    }
  }

  /** Ends the exchange: no more handler calls but the terminal one, buffers and connection let go. */
  private void end() {
    terminated = true;
    ByteBuf b;
    while ((b = queue.poll()) != null) b.release();
    releaseConnection(false);
  }

  private void releaseConnection(boolean reusable) {
    Connection c = owned.getAndSet(null);
    if (c == null) return;
    c.detach(this);
    pool.release(c, reusable);
  }

  /** A handler call threw: the exchange is over; tell the handler once. */
  private void handlerFailed(Throwable e) {
    if (terminated) return;
    end();
    call(new IOException("the response handler threw " + e.getClass().getName(), e));
  }
}
