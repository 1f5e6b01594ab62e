package dev.chatwire.internal.call;

import dev.chatwire.Scheduler;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.DeadlineExceededException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One logical call as a state machine: {@code State} for the call, {@code Attempt.Phase} for its
 * current attempt; attempts, retries (judged in {@code Attempt.failed}, applied in {@code
 * retryOrFail}), the connect, response-headers, idle and total timers, cancellation, and demand.
 * In blocking mode the consumer's thread issues every read ({@link #awaitUntil}); in async mode
 * reads are issued from the transport's own callbacks, never from the caller's thread.
 */
public final class RealCall<T> {
  /**
   * How long a body may stay open after its content is complete ({@code [DONE]}) before the call
   * finishes anyway and releases the connection.
   */
  static final long DRAIN_GRACE_NANOS = 1_000_000_000L;

  /**
   * How often a caller whose thread carries its first attempt (see {@link #startAttempt}) is
   * checked for an interrupt: a socket read does not notice one. One second, the system
   * scheduler's tick, so that the check never wakes its thread early. Checked on the system
   * scheduler whatever the call's: an interrupt happens in real time.
   */
  static final long INTERRUPT_CHECK_NANOS = 1_000_000_000L;
  /**
   * How long a blocking stream's first attempt waits for its consumer to carry it (see {@link
   * #startForConsumer()}) before it starts on its own.
   */
  static final long CONSUMER_WAIT_NANOS = 1_000_000L;
  private static final AtomicIntegerFieldUpdater<RealCall> WOKEN =
      AtomicIntegerFieldUpdater.newUpdater(RealCall.class, "woken");
  private static final AtomicReferenceFieldUpdater<RealCall, Attempt> DEFERRED =
      AtomicReferenceFieldUpdater.newUpdater(RealCall.class, Attempt.class, "deferred");

  /** Where a call is. An attempt's own progress is its {@code Attempt.Phase}. */
  enum State {
    /** An attempt is current (or about to start). */
    ATTEMPTING,
    /** An attempt failed retryably; the next starts when its delay has passed. */
    WAITING_TO_RETRY,
    /** Succeeded, failed or cancelled; the outcome is final. */
    ENDED
  }

  /** Receives the terminal outcome in async mode. */
  public interface Callback<T> {
    /** The call succeeded. */
    void onSuccess(T result);

    /** The call failed. */
    void onFailure(ChatWireException error);
  }

  final CallEnv env;
  final BodySink<T> sink;
  final @Nullable Callback<T> callback;
  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();

  // Guarded by lock.
  @Nullable Attempt<T> current;
  private int attempts;
  private State state = State.ATTEMPTING;
  /** Set after the event listener heard the end, so a caller never sees the end before it. */
  private boolean published;
  private @Nullable T result;
  private @Nullable ChatWireException failure;
  private Scheduler.@Nullable Cancellable deadlineTimer;
  private Scheduler.@Nullable Cancellable retryTimer;
  /** The thread in {@link #start()}, which hears of a closed transport by an exception. */
  private volatile @Nullable Thread starter;
  /** Consumers in {@link #awaitUntil} that announced a wait; written under lock. */
  private volatile int waiting;
  /**
   * 1 once {@link #signalIfWaiting} woke the consumers of the current wait; a consumer sets it to
   * 0 as it announces its next wait. So the I/O thread that queued bytes wakes a waiting consumer
   * once, not once per piece of a read until the consumer has taken the lock back: every signal
   * beyond the first found the woken consumer queued for the lock and woke it again.
   */
  private volatile int woken;
  /** The first attempt, opened and not started, while it waits for its consumer. */
  private volatile @Nullable Attempt<T> deferred;
  /** Starts {@link #deferred} if no consumer came for it in time. */
  private volatile Scheduler.@Nullable Cancellable deferredTimer;
  private long consumerWaitNanos = CONSUMER_WAIT_NANOS;
  private long interruptCheckNanos = INTERRUPT_CHECK_NANOS;
  /** When the total deadline passes, in scheduler time; meaningful only with a deadline. */
  private long deadlineAt;

  /** A call; async when {@code callback} is non-null. Nothing is sent before {@link #start()}. */
  public RealCall(CallEnv env, BodySink<T> sink, @Nullable Callback<T> callback) {
    this.env = env;
    this.sink = sink;
    this.callback = callback;
  }

  /**
   * Sends the first attempt and starts the total deadline, if one is set.
   *
   * @throws IllegalStateException if the transport is closed: nothing is sent, nothing retried
   */
  public void start() {
    start(false);
  }

  /**
   * As {@link #start()}, for a blocking stream, which returns at once and is then read by one
   * consumer: when the wire carries a start on the caller's thread ({@code Wire.carriesOnCaller}:
   * OkHttp, java.net.http in clear text), the first attempt waits up to {@value
   * #CONSUMER_WAIT_NANOS} ns for the consumer's first wait ({@link #awaitUntil}), which then
   * carries it up to the head on its own thread, as {@code create()} does, without the two thread
   * hand-offs of starting it elsewhere; a consumer that comes later finds it started. Nothing else
   * changes: the call can be closed from any thread meanwhile, and retries start as before.
   */
  public void startForConsumer() {
    start(Start.FOR_CONSUMER);
  }

  /** Tests: how long {@link #startForConsumer()} waits for the consumer; before the start. */
  void consumerWait(long nanos) {
    consumerWaitNanos = nanos;
  }

  /** Tests: how often a carried attempt's caller is checked for an interrupt; before the start. */
  void interruptCheck(long nanos) {
    interruptCheckNanos = nanos;
  }

  /** Tests: what the timer of {@link #startForConsumer()} does when the wait is over. */
  void consumerWaitOver() {
    startDeferred(false);
  }

  /**
   * As {@link #start()}; {@code onCaller}: a blocking call whose caller only waits for the outcome
   * and holds no handle to cancel it by ({@code create}), so its first attempt may be carried on
   * this thread (see {@link #startAttempt}). A stream is not: {@code stream()} returns at once, so
   * that it can be closed from another thread while the head is awaited.
   */
  public void start(boolean onCaller) {
    start(onCaller ? Start.ON_CALLER : Start.ELSEWHERE);
  }

  /** Where a call's first attempt is carried. */
  private enum Start {
    ELSEWHERE,
    ON_CALLER,
    FOR_CONSUMER
  }

  private void start(Start how) {
    starter = Thread.currentThread();
    Duration total = env.timeouts.getTotal();
    HttpRequest first;
    try {
      first = env.nextRequest();
    } catch (RuntimeException e) {
      fail(null, unbuildable(e));
      return;
    }
    ChatCompletionRequest typed = env.chatRequest;
    safe(() -> {
      if (typed != null) env.listener.callStart(typed, first);
      else env.listener.callStart(first);
    });
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
    startAttempt(first, callback == null ? how : Start.ELSEWHERE);
  }

  /**
   * Starts the next attempt. {@code how}: {@code ON_CALLER} for a blocking call's first attempt,
   * started on the caller's thread, which would only wait for the head: a wire that carries it
   * ({@code Wire.carriesOnCaller}) then carries the exchange on it up to the head, without the two
   * thread hand-offs of starting it elsewhere; {@code FOR_CONSUMER} for a blocking stream's first
   * attempt, which such a wire leaves opened for its consumer to carry the same way (see {@link
   * #startForConsumer()}). While the exchange is carried so, the thread is checked for an
   * interrupt, which a socket read would not notice (an interrupt of a waiting caller cancels the
   * call).
   */
  private void startAttempt(@Nullable HttpRequest prepared, Start how) {
    Attempt<T> a;
    lock.lock();
    try {
      if (state == State.ENDED) return;
      state = State.ATTEMPTING;
      attempts++;
      a = new Attempt<>(this, attempts);
      current = a;
    } finally {
      lock.unlock();
    }
    HttpRequest request;
    try {
      request = prepared != null ? prepared : env.nextRequest();
    } catch (RuntimeException e) {
      fail(a, unbuildable(e));
      return;
    }
    if (a.isEnded()) return; // cancelled meanwhile: nothing is sent
    a.uri = request.getUri();
    safe(() -> env.listener.attemptStart(request, a.number));
    a.connectTimer =
        env.scheduler.schedule(a::connectTimedOut, env.timeouts.getConnect().toNanos());
    a.headersTimer =
        env.scheduler.schedule(
            () -> a.headersTimedOut(new ResponseTimeoutException(
                env.timeouts.getResponseHeaders(), null, sink.partial())),
            env.timeouts.getResponseHeaders().toNanos());
    boolean carries;
    try {
      carries = a.exchange.open(env.transport, request);
    } catch (RuntimeException e) {
      notStarted(a, e, true);
      return;
    }
    if (carries && how == Start.FOR_CONSUMER) {
      // Published before the timer exists, so that the timer always finds it.
      // On the system scheduler, as the interrupt watch: a mechanism, not a timeout, so it does
      // not wait on a scheduler the user may drive by hand (virtual time in tests).
      deferred = a;
      deferredTimer = Scheduler.system().schedule(() -> startDeferred(false), consumerWaitNanos);
      return;
    }
    begin(a, carries && how == Start.ON_CALLER, true);
  }

  /** Starts the deferred first attempt unless it was started: on this thread when onCaller. */
  private void startDeferred(boolean onCaller) {
    Attempt<T> a = deferred;
    if (a == null || !DEFERRED.compareAndSet(this, a, null)) return;
    Scheduler.Cancellable t = deferredTimer;
    if (t != null && onCaller) t.cancel();
    if (a.isEnded()) return; // closed meanwhile: nothing is sent
    begin(a, onCaller, false);
  }

  // Starts an opened attempt; onCaller: carried on this thread, which only waits for its head;
  // fromStart: in start(), whose caller hears of a closed transport by an exception.
  private void begin(Attempt<T> a, boolean onCaller, boolean fromStart) {
    InterruptWatch watch = null;
    try {
      boolean here = onCaller && !Thread.currentThread().isInterrupted();
      if (here) watch = new InterruptWatch(Thread.currentThread(), a);
      a.exchange.start(here);
    } catch (RuntimeException e) {
      notStarted(a, e, fromStart);
    } finally {
      // A wire may return early when its carrier is interrupted, the status set: the wait
      // that follows (awaitUntil) cancels the call then.
      if (watch != null) watch.stop();
    }
  }

  // The transport refused to open or start the attempt.
  private void notStarted(Attempt<T> a, RuntimeException e, boolean fromStart) {
    if (e instanceof IllegalStateException) {
      fail(a, new ChatWireException("the transport is closed", e));
      if (fromStart && a.number == 1 && Thread.currentThread() == starter) throw e;
    } else {
      fail(a, new ChatWireException("the transport rejected the request ("
          + e.getClass().getName() + ")", e));
    }
  }

  /**
   * Cancels the call once {@code caller} is interrupted; checks until stopped, or until the
   * attempt it carries ended or its wire was cancelled: a wire may end a carried start by
   * interrupting its carrier (java.net.http's), which is not the caller's interrupt, and the
   * carrier then returns (a caller's interrupt from then on is seen by its wait, {@link
   * #awaitUntil}, once it returned). A check and {@link #stop()} exclude each other, so once
   * stop() returned no check cancels the call (the caller may have moved on, and be interrupted
   * for another reason).
   */
  private final class InterruptWatch implements Runnable {
    private final Thread caller;
    private final Attempt<T> carried;
    // Guarded by this.
    private Scheduler.@Nullable Cancellable timer;
    private boolean stopped;

    InterruptWatch(Thread caller, Attempt<T> carried) {
      this.caller = caller;
      this.carried = carried;
      synchronized (this) {
        timer = Scheduler.system().schedule(this, interruptCheckNanos);
      }
    }

    @Override
    public synchronized void run() {
      if (stopped) return;
      if (carried.isEnded() || carried.exchange.isWireCancelled()) {
        stopped = true;
      } else if (caller.isInterrupted()) {
        stopped = true;
        cancel("interrupted while waiting for the response");
      } else {
        timer = Scheduler.system().schedule(this, interruptCheckNanos);
      }
    }

    synchronized void stop() {
      stopped = true;
      Scheduler.Cancellable t = timer;
      if (t != null) t.cancel();
    }
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
    if (deferred != null) startDeferred(true);
    // An interrupt cancels the call once; the flag is set again on the way out, not at once, so
    // that waiting for the end to be published does not spin on await() throwing.
    boolean interrupted = false;
    lock.lock();
    try {
      while (!ready.getAsBoolean() && !published) {
        Attempt<T> a = current;
        // Bytes an I/O thread queued are taken here, on this thread (ExchangeDriver.consumerDrains).
        if (a != null && (a.wantRead || a.exchange.hasQueued())) {
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
        // Announce the wait, then look again: a sink that added a chunk before it could see
        // the announcement is seen here (see signalIfWaiting).
        waiting++;
        woken = 0;
        try {
          if (ready.getAsBoolean()) break;
          // wantRead: set without the lock by a handler call that saw no waiter (Attempt.wantMore).
          if (a != null && (a.wantRead || a.exchange.hasQueued())) continue;
          changed.await();
        } catch (InterruptedException ie) {
          interrupted = true;
          lock.unlock();
          try {
            cancel("interrupted while waiting for the response");
          } finally {
            lock.lock();
          }
        } finally {
          waiting--;
        }
      }
    } finally {
      lock.unlock();
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * Wakes a blocked consumer after the sink made something ready, if one waits, once per wait it
   * announced ({@link #woken}): the sink makes it ready with a volatile write before it calls
   * this, and a consumer announces its wait (and re-arms the wake-up) before it looks a last time,
   * so one of the two sees the other and no wake-up is lost; a consumer woken looks at everything
   * again before it waits again. A consumer that reads for itself (OkHttp) is never waiting when
   * its own read produces a chunk: no lock.
   */
  public void signalIfWaiting() {
    if (waiting > 0 && WOKEN.compareAndSet(this, 0, 1)) signal();
  }

  /** Whether a consumer waits in {@link #awaitUntil}. */
  boolean hasWaiter() {
    return waiting > 0;
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

  void succeed(Attempt<T> a, T value) {
    lock.lock();
    try {
      if (state == State.ENDED || current != a) return;
      state = State.ENDED;
      result = value;
      a.end();
      stopTimers();
    } finally {
      lock.unlock();
    }
    safe(() -> {
      if (value instanceof ChatCompletion) env.listener.callEnd((ChatCompletion) value);
      else env.listener.callEnd();
    });
    publish();
    if (callback != null) callback.onSuccess(value);
  }

  /** Ends the call with {@code error}; {@code a} null means "whatever attempt is current". */
  void fail(@Nullable Attempt<T> a, ChatWireException error) {
    Exchange toCancel = null;
    lock.lock();
    try {
      if (state == State.ENDED || (a != null && current != a)) return;
      state = State.ENDED;
      failure = error;
      stopTimers();
      if (current != null) {
        current.end();
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
  void retryOrFail(Attempt<T> a, ChatWireException error, @Nullable Headers headers) {
    long delay =
        Retries.delayNanos(
            env.retryPolicy, a.number, headers, System.currentTimeMillis(),
            ThreadLocalRandom.current().nextDouble());
    // The retry starts once its delay passed and the listener has heard of it, whichever is last.
    AtomicInteger pending = new AtomicInteger(2);
    Runnable startAfterBoth = () -> {
      if (pending.decrementAndGet() == 0) startAttempt(null, Start.ELSEWHERE);
    };
    boolean retry;
    lock.lock();
    try {
      if (state == State.ENDED || current != a) return;
      retry = delay >= 0
          && a.number <= env.retryPolicy.getMaxRetries()
          && (deadlineTimer == null || deadlineAt - env.scheduler.nanoTime() > delay);
      if (retry) {
        state = State.WAITING_TO_RETRY;
        a.end();
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
    a.exchange.cancel(); // a no-op once it completed
    safe(() -> env.listener.retryScheduled(a.number + 1, Duration.ofNanos(delay), error));
    startAfterBoth.run();
  }

  private void stopTimers() {
    if (deadlineTimer != null) deadlineTimer.cancel();
    if (retryTimer != null) retryTimer.cancel();
    if (current != null) current.stopTimers();
  }

  static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // An observer never breaks a call.
    }
  }
}
