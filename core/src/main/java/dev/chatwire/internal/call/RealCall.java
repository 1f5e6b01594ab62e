package dev.chatwire.internal.call;

import dev.chatwire.Scheduler;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.DeadlineExceededException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One logical call: attempts, retries, the response-headers, idle and total timers, cancellation,
 * and demand. In blocking mode the consumer's thread issues every read ({@link #awaitUntil}); in
 * async mode reads are issued from the transport's own callbacks, never from the caller's thread.
 */
public final class RealCall<T> {
  /**
   * How long a body may stay open after its content is complete ({@code [DONE]}) before the call
   * finishes anyway and releases the connection.
   */
  static final long DRAIN_GRACE_NANOS = 1_000_000_000L;

  /** Receives the terminal outcome in async mode. */
  public interface Callback<T> {
    /** The call succeeded. */
    void onSuccess(T result);

    /** The call failed. */
    void onFailure(ChatWireException error);
  }

  private final CallEnv env;
  private final BodySink<T> sink;
  private final @Nullable Callback<T> callback;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();

  // Guarded by lock.
  private @Nullable Attempt current;
  private int attempts;
  private boolean terminal;
  /** Set after the event listener heard the end, so a caller never sees the end before it. */
  private boolean published;
  private @Nullable T result;
  private @Nullable ChatWireException failure;
  private Scheduler.@Nullable Cancellable deadlineTimer;
  private Scheduler.@Nullable Cancellable retryTimer;
  /** When the total deadline passes, in scheduler time; meaningful only with a deadline. */
  private long deadlineAt;

  /** A call; async when {@code callback} is non-null. Nothing is sent before {@link #start()}. */
  public RealCall(CallEnv env, BodySink<T> sink, @Nullable Callback<T> callback) {
    this.env = env;
    this.sink = sink;
    this.callback = callback;
  }

  /** Sends the first attempt and starts the total deadline, if one is set. */
  public void start() {
    Duration total = env.timeouts.getTotal();
    HttpRequest first;
    try {
      first = env.request.get();
    } catch (RuntimeException e) {
      fail(null, unbuildable(e));
      return;
    }
    safe(() -> env.listener.callStart(first));
    if (total != null) {
      deadlineAt = env.scheduler.nanoTime() + total.toNanos();
      Scheduler.Cancellable t =
          env.scheduler.schedule(
              () -> fail(null, new DeadlineExceededException(total, null, sink.partial())),
              total.toNanos());
      lock.lock();
      try {
        deadlineTimer = t;
      } finally {
        lock.unlock();
      }
    }
    startAttempt(first);
  }

  private void startAttempt(@Nullable HttpRequest prepared) {
    Attempt a;
    lock.lock();
    try {
      if (terminal) return;
      attempts++;
      a = new Attempt(attempts);
      current = a;
    } finally {
      lock.unlock();
    }
    HttpRequest request;
    try {
      request = prepared != null ? prepared : env.request.get();
    } catch (RuntimeException e) {
      fail(a, unbuildable(e));
      return;
    }
    if (a.abandoned) { // cancelled meanwhile: nothing is sent
      a.attached.countDown();
      return;
    }
    safe(() -> env.listener.attemptStart(request, a.number));
    a.headersTimer =
        env.scheduler.schedule(
            () -> a.retryAfterTimeout(new ResponseTimeoutException(
                env.timeouts.getResponseHeaders(), null, sink.partial())),
            env.timeouts.getResponseHeaders().toNanos());
    Exchange exchange;
    a.executing = Thread.currentThread();
    try {
      exchange = env.transport.execute(request, a);
    } catch (RuntimeException e) {
      a.attached.countDown();
      fail(a, new ChatWireException("the transport rejected the request: " + e.getMessage(), e));
      return;
    }
    a.attach(exchange);
  }

  /** The request (its key supplier, a header) failed; its message may hold a secret. */
  private static ChatWireException unbuildable(RuntimeException e) {
    return new ChatWireException(
        "could not build the request (" + e.getClass().getName() + ")", e);
  }

  /**
   * Blocking mode: issues reads on this thread until {@code ready} holds or the call ends. Returns
   * normally in both cases; the caller then checks {@link #failure()} and its own state.
   */
  public void awaitUntil(BooleanSupplier ready) {
    lock.lock();
    try {
      while (!ready.getAsBoolean() && !published) {
        Attempt a = current;
        if (a != null && a.wantRead && a.exchange != null) {
          a.wantRead = false;
          a.lastActivity = env.scheduler.nanoTime();
          a.readPending = true;
          Exchange e = a.exchange;
          lock.unlock();
          try {
            e.request();
          } finally {
            lock.lock();
          }
          continue;
        }
        try {
          changed.await();
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          lock.unlock();
          try {
            cancel("interrupted while waiting for the response");
          } finally {
            lock.lock();
          }
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes a blocked consumer after the sink produced something. */
  public void signal() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Cancels the call from any thread; idempotent. A waiting consumer gets a cancellation. */
  public void cancel(String why) {
    fail(null, new CancelledException(why, sink.partial()));
  }

  /** The failure that ended the call, or null. */
  public @Nullable ChatWireException failure() {
    lock.lock();
    try {
      return failure;
    } finally {
      lock.unlock();
    }
  }

  /** The result, once the call succeeded; otherwise null. */
  public @Nullable T result() {
    lock.lock();
    try {
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the call has ended. */
  public boolean isDone() {
    lock.lock();
    try {
      return published;
    } finally {
      lock.unlock();
    }
  }

  private void succeed(Attempt a, T value) {
    lock.lock();
    try {
      if (terminal || current != a) return;
      terminal = true;
      result = value;
      a.abandoned = true;
      stopTimers();
    } finally {
      lock.unlock();
    }
    safe(env.listener::callEnd);
    publish();
    if (callback != null) callback.onSuccess(value);
  }

  /** Ends the call with {@code error}; {@code a} null means "whatever attempt is current". */
  void fail(@Nullable Attempt a, ChatWireException error) {
    Exchange toCancel = null;
    lock.lock();
    try {
      if (terminal || (a != null && current != a)) return;
      terminal = true;
      failure = error;
      stopTimers();
      if (current != null) {
        current.abandoned = true;
        toCancel = current.exchange;
      }
    } finally {
      lock.unlock();
    }
    if (toCancel != null) toCancel.cancel();
    safe(() -> env.listener.callFailed(error));
    publish();
    if (callback != null) callback.onFailure(error);
  }

  private void publish() {
    lock.lock();
    try {
      published = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Retries after a retryable failure of attempt {@code a}, or fails when no retry is left or the
   * retry could not start before the total deadline.
   */
  void retryOrFail(Attempt a, ChatWireException error, @Nullable Headers headers) {
    long delay =
        Retries.delayNanos(
            env.retryPolicy, a.number, headers, System.currentTimeMillis(),
            ThreadLocalRandom.current().nextDouble());
    // The retry starts once its delay passed and the listener has heard of it, whichever is last.
    AtomicInteger pending = new AtomicInteger(2);
    Runnable startAfterBoth = () -> {
      if (pending.decrementAndGet() == 0) startAttempt(null);
    };
    boolean retry;
    lock.lock();
    try {
      if (terminal || current != a) return;
      retry = delay >= 0
          && a.number <= env.retryPolicy.getMaxRetries()
          && (deadlineTimer == null || deadlineAt - env.scheduler.nanoTime() > delay);
      if (retry) {
        a.abandoned = true;
        a.stopTimers();
        current = null;
        retryTimer = env.scheduler.schedule(startAfterBoth, delay);
      }
    } finally {
      lock.unlock();
    }
    if (!retry) {
      fail(a, error);
      return;
    }
    Exchange abandonedExchange = a.exchange;
    if (abandonedExchange != null) abandonedExchange.cancel(); // a no-op once it completed
    safe(() -> env.listener.retryScheduled(a.number + 1, Duration.ofNanos(delay), error));
    startAfterBoth.run();
  }

  private void stopTimers() {
    if (deadlineTimer != null) deadlineTimer.cancel();
    if (retryTimer != null) retryTimer.cancel();
    if (current != null) current.stopTimers();
  }

  private static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // An observer never breaks a call.
    }
  }

  /** One HTTP exchange of the call; the transport's handler. */
  final class Attempt implements ResponseHandler {
    final int number;
    private final AtomicInteger pumpWork = new AtomicInteger();
    volatile @Nullable Exchange exchange;
    /** The thread inside {@code transport.execute} for this attempt, until it returns. */
    volatile @Nullable Thread executing;
    /** Opens once {@code execute} has returned (or thrown) and the exchange is attached. */
    final CountDownLatch attached = new CountDownLatch(1);
    volatile boolean abandoned;
    volatile Scheduler.@Nullable Cancellable headersTimer;
    volatile Scheduler.@Nullable Cancellable idleTimer;
    volatile Scheduler.@Nullable Cancellable drainTimer;
    /** When bytes last arrived, or a paused blocking consumer asked again. */
    volatile long lastActivity;
    /** Whether a read is outstanding; always so in async mode once headers arrived. */
    volatile boolean readPending;
    // Guarded by RealCall.lock.
    boolean wantRead;
    private boolean responded;
    private int status;
    private Headers headers = Headers.EMPTY;
    private @Nullable ErrorCollector errorBody;
    private boolean readBeforeAttach;

    Attempt(int number) {
      this.number = number;
    }

    void attach(Exchange e) {
      boolean readNow;
      lock.lock();
      try {
        exchange = e;
        executing = null;
        attached.countDown();
        if (abandoned) {
          readNow = false;
        } else {
          readNow = readBeforeAttach;
          readBeforeAttach = false;
        }
      } finally {
        lock.unlock();
      }
      if (abandoned) {
        e.cancel();
      } else if (readNow) {
        if (callback != null) pump();
        else signal();
      }
    }

    void stopTimers() {
      Scheduler.Cancellable h = headersTimer;
      if (h != null) h.cancel();
      Scheduler.Cancellable i = idleTimer;
      if (i != null) i.cancel();
      Scheduler.Cancellable d = drainTimer;
      if (d != null) d.cancel();
    }

    /** No response head in time: nothing was received, so the attempt may be retried. */
    void retryAfterTimeout(ChatWireException e) {
      if (abandoned) return;
      retryOrFail(this, e, null);
    }

    /** The body's content is complete ({@code [DONE]}) but the body has not ended in time. */
    private void finishAfterDone() {
      if (abandoned) return;
      T value;
      try {
        value = sink.onEnd();
      } catch (ChatWireException e) {
        fail(this, e);
        return;
      }
      Exchange ex = exchange;
      succeed(this, value);
      // The server kept the body open after the end: release the connection rather than wait.
      if (ex != null) ex.cancel();
    }

    /** Ends the attempt with the API error collected so far (the body was cut short). */
    private void endErrorBody(ErrorCollector eb) {
      finishError(eb); // a retry or a failure cancels the exchange, releasing the connection
    }

    private void finishError(ErrorCollector eb) {
      ChatWireException e = eb.toException(status, headers, env.mask);
      if (Retries.isRetryable(status, headers)) retryOrFail(this, e, headers);
      else fail(this, e);
    }

    /** Asks for the next body buffer: from this callback thread (async) or the consumer's. */
    private void wantMore() {
      if (callback == null) {
        lock.lock();
        try {
          if (exchange == null) readBeforeAttach = true;
          wantRead = true;
          changed.signalAll();
        } finally {
          lock.unlock();
        }
      } else if (exchange == null && executing != Thread.currentThread()) {
        // The head came before execute() returned on the caller's thread. Wait for the attach
        // (execute never blocks), so that the read happens here: an inline transport reads on
        // the thread that asks, and the async API must never read on the caller's thread.
        awaitAttached();
        pump();
      } else if (exchange == null) {
        lock.lock();
        try {
          readBeforeAttach = true;
        } finally {
          lock.unlock();
        }
        if (exchange != null) attach(exchange);
      } else {
        pump();
      }
    }

    private void awaitAttached() {
      boolean interrupted = false;
      while (true) {
        try {
          attached.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) Thread.currentThread().interrupt();
    }

    /** Async demand, trampolined: an inline transport's nested call only marks more work. */
    private void pump() {
      if (pumpWork.getAndIncrement() != 0) return;
      do {
        Exchange e = exchange;
        if (abandoned || e == null) {
          pumpWork.set(0);
          return;
        }
        e.request();
      } while (pumpWork.decrementAndGet() != 0);
    }

    private void armIdleTimer(long delayNanos) {
      idleTimer = env.scheduler.schedule(this::checkIdle, delayNanos);
    }

    private void checkIdle() {
      if (abandoned) return;
      long idle = env.timeouts.getIdle().toNanos();
      long waited = env.scheduler.nanoTime() - lastActivity;
      if (readPending && waited >= idle) {
        ErrorCollector eb = errorBody;
        if (eb != null) {
          // An error body that stopped flowing still says what the error was.
          endErrorBody(eb);
          return;
        }
        fail(this, new IdleTimeoutException(env.timeouts.getIdle(), null, sink.partial()));
      } else {
        armIdleTimer(readPending ? idle - waited : idle);
      }
    }

    @Override
    public void onResponse(int status, Headers headers) {
      if (abandoned) return;
      Scheduler.Cancellable h = headersTimer;
      if (h != null) h.cancel();
      lock.lock();
      try {
        this.responded = true;
        this.status = status;
        this.headers = headers;
      } finally {
        lock.unlock();
      }
      lastActivity = env.scheduler.nanoTime();
      if (callback != null) readPending = true;
      safe(() -> env.listener.responseHeaders(status, headers));
      if (status < 200 || status >= 300) {
        errorBody = new ErrorCollector();
      } else {
        try {
          sink.onResponse(status, headers);
        } catch (ChatWireException e) {
          fail(this, e);
          return;
        }
      }
      armIdleTimer(env.timeouts.getIdle().toNanos());
      wantMore();
    }

    @Override
    public void onBody(ByteBuffer bytes) {
      if (abandoned) return;
      lastActivity = env.scheduler.nanoTime();
      if (callback == null) readPending = false;
      ErrorCollector eb = errorBody;
      if (eb != null) {
        if (!eb.append(bytes)) {
          endErrorBody(eb);
          return;
        }
      } else {
        try {
          sink.onBytes(bytes);
        } catch (ChatWireException e) {
          fail(this, e);
          return;
        }
        if (drainTimer == null && sink.isFinished()) {
          drainTimer = env.scheduler.schedule(this::finishAfterDone, DRAIN_GRACE_NANOS);
        }
      }
      wantMore();
    }

    @Override
    public void onComplete() {
      if (abandoned) return;
      stopTimers();
      ErrorCollector eb = errorBody;
      if (eb != null) {
        finishError(eb);
        return;
      }
      T value;
      try {
        value = sink.onEnd();
      } catch (ChatWireException e) {
        fail(this, e);
        return;
      }
      succeed(this, value);
    }

    @Override
    public void onError(IOException error) {
      if (abandoned) return;
      stopTimers();
      boolean beforeResponse;
      lock.lock();
      try {
        beforeResponse = !responded;
      } finally {
        lock.unlock();
      }
      ChatWireException e = IoErrors.map(error, env.timeouts, sink.partial(), beforeResponse);
      if (beforeResponse && !(e instanceof CancelledException)) retryOrFail(this, e, null);
      else fail(this, e);
    }
  }
}
