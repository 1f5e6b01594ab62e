package dev.chatwire.internal.okhttp;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.ResponseHandler;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * One OkHttp call as a ChatWire {@link Exchange}. The head arrives through {@link Call#enqueue}
 * on OkHttp's dispatcher thread; the body is read with OkHttp's blocking source, one read of up
 * to {@value #READ_SIZE} bytes per unit of demand, on the thread that signalled the demand.
 *
 * <p>Every handler call happens inside {@link #drain()}, which one thread at a time runs (a
 * work-in-progress counter): a {@link #request()} or {@link #cancel()} that arrives while another
 * thread drains, or re-entrantly from inside a handler call, only records itself, and the
 * draining thread serves it before it lets go. So handler calls are serialized and never nested.
 * A read blocked on one thread is unblocked by {@link Call#cancel()} from another.
 */
public final class OkHttpExchange implements Exchange, Callback {
  static final int READ_SIZE = 8192;

  private final Call call;
  private final ResponseHandler handler;
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile @Nullable Response response;
  private volatile @Nullable IOException failure;

  // Owned by the draining thread.
  private boolean responded;
  private boolean done;
  private boolean released;
  private @Nullable BufferedSource source;
  private byte @Nullable [] bytes;
  private @Nullable ByteBuffer view;

  /** An exchange for {@code call}; nothing happens before {@link #start()}. */
  public OkHttpExchange(Call call, ResponseHandler handler) {
    this.call = call;
    this.handler = handler;
  }

  /** Sends the request; the head arrives on OkHttp's dispatcher. */
  public void start() {
    call.enqueue(this);
  }

  @Override
  public void request() {
    demand.incrementAndGet();
    drain();
  }

  @Override
  public void cancel() {
    if (!cancelled.compareAndSet(false, true)) return;
    call.cancel();
    drain();
  }

  @Override
  public void onResponse(Call call, Response response) {
    this.response = response;
    drain();
  }

  @Override
  public void onFailure(Call call, IOException e) {
    this.failure = e;
    drain();
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) return;
    int missed = 1;
    try {
      do {
        serve();
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    } catch (RuntimeException | Error e) {
      // A handler broke the contract by throwing: end the exchange, free the drain, rethrow.
      done = true;
      call.cancel();
      release();
      wip.set(0);
      throw e;
    }
  }

  /** Makes every handler call that is due now; returns when nothing more can be done. */
  private void serve() {
    while (true) {
      if (done) {
        release(); // a head that arrived after the end is closed unread
        return;
      }
      if (cancelled.get()) {
        fail(new IOException("Canceled"));
        return;
      }
      if (!responded) {
        Response r = response;
        if (r == null) {
          IOException e = failure;
          if (e != null) fail(e);
          return;
        }
        responded = true;
        ResponseBody body = r.body();
        source = body == null ? null : body.source();
        handler.onResponse(r.code(), toHeaders(r.headers()));
        continue;
      }
      if (demand.get() == 0) return;
      demand.decrementAndGet();
      readOnce();
    }
  }

  private void readOnce() {
    BufferedSource s = source;
    int n;
    try {
      n = s == null ? -1 : s.read(buffer(), 0, READ_SIZE);
    } catch (IOException e) {
      fail(e);
      return;
    }
    if (cancelled.get()) {
      fail(new IOException("Canceled"));
    } else if (n == -1) {
      done = true;
      release(); // the whole body was read: the connection goes back to the pool
      handler.onComplete();
    } else {
      ByteBuffer v = view;
      if (v == null) throw new AssertionError("no buffer");
      ((Buffer) v).clear();
      ((Buffer) v).limit(n);
      handler.onBody(v);
    }
  }

  private byte[] buffer() {
    byte[] b = bytes;
    if (b == null) {
      b = new byte[READ_SIZE];
      bytes = b;
      view = ByteBuffer.wrap(b);
    }
    return b;
  }

  private void fail(IOException e) {
    done = true;
    call.cancel();
    release();
    handler.onError(e);
  }

  /** Closes the response once it is here; a body not fully read takes its connection with it. */
  private void release() {
    Response r = response;
    if (r == null || released) return;
    released = true;
    r.close();
  }

  static Headers toHeaders(okhttp3.Headers headers) {
    int size = headers.size();
    if (size == 0) return Headers.EMPTY;
    Headers.Builder b = Headers.builder();
    for (int i = 0; i < size; i++) b.add(headers.name(i), headers.value(i));
    return b.build();
  }
}
