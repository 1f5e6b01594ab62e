package dev.chatwire.internal.okhttp;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.ResponseHandler;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * <p>Every handler call happens while one thread holds the drain role, so calls are serialized
 * and never nested: a {@link #request()} made from inside a handler call only adds demand, which
 * the same thread serves once the call returns. A {@code request()} from another thread while
 * the role is held waits for it (the holder yields at its next step: handlers never block, and a
 * read in progress ends with data or with {@link #cancel()}), then reads itself; so the blocking
 * API reads on the caller's thread even when it asks while the head is still being delivered.
 * The head, a failure and {@code cancel()} never wait: they leave their news for the holder.
 * Demand signalled before the head arrived is served by the thread that delivers the head.
 */
public final class OkHttpExchange implements Exchange, Callback {
  static final int READ_SIZE = 8192;

  private final Call call;
  private final ResponseHandler handler;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile @Nullable Response response;
  private volatile @Nullable IOException failure;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roleFree = lock.newCondition();
  // Guarded by lock.
  private @Nullable Thread drainer;
  private int waiting;
  private boolean again;
  private long demand;

  // Owned by the thread that holds the drain role.
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
    Thread me = Thread.currentThread();
    lock.lock();
    try {
      demand++;
      if (drainer == me) return; // re-entrant: this thread's loop serves it after the handler call
      if (drainer != null) {
        waiting++;
        try {
          while (drainer != null) roleFree.awaitUninterruptibly();
        } finally {
          waiting--;
        }
      }
      drainer = me;
    } finally {
      lock.unlock();
    }
    drain();
  }

  @Override
  public void cancel() {
    if (!cancelled.compareAndSet(false, true)) return;
    call.cancel(); // unblocks a read in progress on another thread
    tryDrain();
  }

  @Override
  public void onResponse(Call call, Response response) {
    this.response = response;
    tryDrain();
  }

  @Override
  public void onFailure(Call call, IOException e) {
    this.failure = e;
    tryDrain();
  }

  /** Takes the drain role if it is free and nobody waits for it; else leaves news for the holder. */
  private void tryDrain() {
    lock.lock();
    try {
      if (drainer != null || waiting > 0) {
        again = true;
        return;
      }
      drainer = Thread.currentThread();
    } finally {
      lock.unlock();
    }
    drain();
  }

  /** Runs with the drain role held; gives it up when nothing is left to do. */
  private void drain() {
    boolean normal = false;
    try {
      while (true) {
        serve();
        lock.lock();
        try {
          if (again && waiting == 0) {
            again = false;
            continue;
          }
          again = false;
          drainer = null;
          roleFree.signalAll();
        } finally {
          lock.unlock();
        }
        normal = true;
        return;
      }
    } finally {
      if (!normal) abandon();
    }
  }

  /** A handler broke the contract by throwing: end the exchange and free the role. */
  private void abandon() {
    done = true;
    call.cancel();
    release();
    lock.lock();
    try {
      drainer = null;
      roleFree.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Makes every handler call that is due now; returns when nothing is, or a waiter wants in. */
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
      if (!takeDemand()) return;
      readOnce();
    }
  }

  private boolean takeDemand() {
    lock.lock();
    try {
      if (waiting > 0 || demand == 0) return false;
      demand--;
      return true;
    } finally {
      lock.unlock();
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
