package dev.chatwire.internal.call;

import dev.chatwire.Scheduler;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectTimeoutException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.internal.wire.ExchangeDriver;
import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.ResponseHandler;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange of a {@link RealCall}, and the handler core's exchange driver calls. An attempt
 * moves forward through named {@link Phase phases}; every failure goes through {@link #failed},
 * the one place that judges whether it may be retried (the call then applies its policy).
 */
final class Attempt<T> implements ResponseHandler {
  /** Where an attempt is; it only moves forward. */
  enum Phase {
    /** Sent to the transport; no connection yet: the connect timer runs. */
    CONNECTING,
    /** Connected; the request is going out and the head is awaited. */
    AWAITING_HEAD,
    /** A 2xx head arrived; the body goes to the call's sink. */
    READING_BODY,
    /** An error status arrived; its body is collected for the API error. */
    READING_ERROR,
    /** Over: succeeded, failed, retried or cancelled. Later callbacks are ignored. */
    ENDED
  }

  private final RealCall<T> call;
  final int number;
  /** The exchange, known before the transport reports anything. */
  final ExchangeDriver exchange = new ExchangeDriver(this);
  private volatile Phase phase = Phase.CONNECTING;
  /** Where this attempt goes, for messages. */
  volatile URI uri = URI.create("http://unknown/");
  volatile Scheduler.@Nullable Cancellable connectTimer;
  volatile Scheduler.@Nullable Cancellable headersTimer;
  volatile Scheduler.@Nullable Cancellable idleTimer;
  volatile Scheduler.@Nullable Cancellable drainTimer;
  /**
   * When bytes last arrived (or, when a blocking consumer takes them itself, were taken), or a
   * paused blocking consumer asked or began to wait again.
   */
  volatile long lastActivity;
  /** Whether a read is outstanding; always so in async mode once headers arrived. */
  volatile boolean readPending;
  /**
   * Whether the consumer is to ask for the next buffer. Set by handler calls, without the call's
   * lock when no consumer waits (one that then waits looks at it after announcing its wait); taken
   * under the lock by the consumer.
   */
  volatile boolean wantRead;
  private volatile int status;
  private volatile Headers headers = Headers.EMPTY;
  private @Nullable ErrorCollector errorBody;

  Attempt(RealCall<T> call, int number) {
    this.call = call;
    this.number = number;
    // A blocking caller parses on its own thread; an I/O thread only queues bytes and wakes it.
    if (call.callback == null) exchange.consumerDrains(call::signalIfWaiting);
  }

  boolean isEnded() {
    return phase == Phase.ENDED;
  }

  /** Ends the attempt: no callback counts any more. Called by the call, under its lock. */
  void end() {
    phase = Phase.ENDED;
  }

  /** Moves to {@code next} unless the attempt ended meanwhile; false if it had. */
  private boolean moveTo(Phase next) {
    call.lock.lock();
    try {
      if (phase == Phase.ENDED) return false;
      phase = next;
      return true;
    } finally {
      call.lock.unlock();
    }
  }

  /**
   * The one place a failure of this attempt is judged. Nothing of the response had arrived
   * (connecting, or awaiting the head): retryable, unless cancelled or a protocol error. An error
   * status: retryable by its status and {@code x-should-retry}. Anything once a 2xx body flows:
   * never. The call then applies its policy (retries left, delay, deadline).
   */
  private void failed(ChatWireException e) {
    Phase at = phase;
    if (at == Phase.ENDED) return;
    boolean retryable;
    if (at == Phase.CONNECTING || at == Phase.AWAITING_HEAD) {
      retryable = IoErrors.isRetryable(e, true);
    } else if (at == Phase.READING_ERROR) {
      retryable = Retries.isRetryable(status, headers);
    } else {
      retryable = false;
    }
    if (retryable) call.retryOrFail(this, e, at == Phase.READING_ERROR ? headers : null);
    else call.fail(this, e);
  }

  void stopTimers() {
    Scheduler.Cancellable c = connectTimer;
    if (c != null) c.cancel();
    Scheduler.Cancellable h = headersTimer;
    if (h != null) h.cancel();
    Scheduler.Cancellable i = idleTimer;
    if (i != null) i.cancel();
    Scheduler.Cancellable d = drainTimer;
    if (d != null) d.cancel();
  }

  /** No response head in time. */
  void headersTimedOut(ChatWireException e) {
    failed(e);
  }

  /** The body's content is complete ({@code [DONE]}) but the body has not ended in time. */
  private void finishAfterDone() {
    if (isEnded()) return;
    T value;
    try {
      value = call.sink.onEnd();
    } catch (ChatWireException e) {
      call.fail(this, e);
      return;
    }
    Exchange ex = exchange;
    call.succeed(this, value);
    // The server kept the body open after the end: release the connection rather than wait, but
    // one grace later. A transport may have read the body's end already and only not reported it
    // yet (java.net.http may return the connection to its pool first); cancelling then could close
    // a connection another exchange has taken. An end reported meanwhile makes this a no-op.
    if (ex != null) call.env.scheduler.schedule(ex::cancel, RealCall.DRAIN_GRACE_NANOS);
  }

  /** Ends the attempt with the API error collected (whole, or cut short: then the exchange is). */
  private void finishError(ErrorCollector eb) {
    failed(eb.toException(status, headers, call.env.mask));
  }

  /** Asks for the next body buffer: at once (async), or through the consumer's thread. */
  private void wantMore() {
    if (call.callback != null) {
      exchange.request(); // inside a handler call: only adds demand, the driver serves it
      return;
    }
    wantRead = true;
    // Most calls come from the consumer's own thread, inside its request(): nobody waits, and
    // the lock (taken once a buffer) would only be contended by the I/O thread waking it.
    if (!call.hasWaiter()) return;
    boolean wake = !exchange.consumerTakesBytes();
    call.lock.lock();
    try {
      if (wake) {
        call.changed.signalAll();
      } else if (!readPending && call.hasWaiter()) {
        // When only the consumer takes bytes, the driver wakes it once some are queued (or the
        // call ends); woken now, after the head, it would only wait again. It waits for bytes
        // already (on this attempt, or on one before a retry): a read is outstanding from now.
        lastActivity = call.env.scheduler.nanoTime();
        readPending = true;
      }
    } finally {
      call.lock.unlock();
    }
  }

  private void armIdleTimer(long delayNanos) {
    idleTimer = call.env.scheduler.schedule(this::checkIdle, delayNanos);
  }

  private void checkIdle() {
    if (isEnded()) return;
    long idle = call.env.timeouts.getIdle().toNanos();
    if (exchange.hasQueued()) {
      // Bytes arrived and wait for a consumer that takes them itself: the server is not idle.
      lastActivity = call.env.scheduler.nanoTime();
      armIdleTimer(idle);
      return;
    }
    long waited = call.env.scheduler.nanoTime() - lastActivity;
    if (readPending && waited >= idle) {
      ErrorCollector eb = errorBody;
      if (eb != null) {
        // An error body that stopped flowing still says what the error was.
        finishError(eb);
        return;
      }
      failed(new IdleTimeoutException(call.env.timeouts.getIdle(), null, call.sink.partial()));
    } else {
      armIdleTimer(readPending ? idle - waited : idle);
    }
  }

  /** No connection in time: nothing was sent. */
  void connectTimedOut() {
    if (phase != Phase.CONNECTING) return;
    failed(new ConnectTimeoutException(call.env.timeouts.getConnect(), null, call.sink.partial()));
  }

  @Override
  public void onConnected() {
    Scheduler.Cancellable c = connectTimer;
    if (c != null) c.cancel();
    moveTo(Phase.AWAITING_HEAD);
  }

  @Override
  public void onResponse(int status, Headers headers) {
    Scheduler.Cancellable h = headersTimer;
    if (h != null) h.cancel();
    this.status = status;
    this.headers = headers;
    boolean error = status < 200 || status >= 300;
    if (error) errorBody = new ErrorCollector();
    if (!moveTo(error ? Phase.READING_ERROR : Phase.READING_BODY)) return;
    lastActivity = call.env.scheduler.nanoTime();
    if (call.callback != null) readPending = true;
    RealCall.safe(() -> call.env.listener.responseHeaders(status, headers));
    if (!error) {
      call.env.noMoreAttempts();
      try {
        call.sink.onResponse(status, headers);
      } catch (ChatWireException e) {
        failed(e);
        return;
      }
    }
    armIdleTimer(call.env.timeouts.getIdle().toNanos());
    wantMore();
  }

  @Override
  public void onBody(ByteBuffer bytes) {
    if (isEnded()) return;
    long now = call.env.scheduler.nanoTime();
    lastActivity = now;
    if (call.callback == null) readPending = false;
    ErrorCollector eb = errorBody;
    if (eb != null) {
      if (!eb.append(bytes)) {
        finishError(eb); // cut at the cap: the retry or failure cancels the exchange
        return;
      }
    } else {
      try {
        call.sink.onBytes(bytes, now);
      } catch (ChatWireException e) {
        failed(e);
        return;
      }
      if (drainTimer == null && call.sink.isFinished()) {
        drainTimer = call.env.scheduler.schedule(this::finishAfterDone, RealCall.DRAIN_GRACE_NANOS);
      }
    }
    wantMore();
  }

  @Override
  public void onComplete() {
    if (isEnded()) return;
    stopTimers();
    ErrorCollector eb = errorBody;
    if (eb != null) {
      finishError(eb);
      return;
    }
    T value;
    try {
      value = call.sink.onEnd();
    } catch (ChatWireException e) {
      failed(e);
      return;
    }
    call.succeed(this, value);
  }

  @Override
  public void onError(IOException error) {
    Phase at = phase;
    if (at == Phase.ENDED) return;
    stopTimers();
    failed(IoErrors.map(error, call.env.timeouts, uri, call.sink.partial(),
        at == Phase.CONNECTING, at == Phase.CONNECTING || at == Phase.AWAITING_HEAD));
  }
}
