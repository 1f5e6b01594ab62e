package dev.chatwire.internal.call;

import dev.chatwire.Scheduler;
import dev.chatwire.error.CancelledException;
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

/** One HTTP exchange of a {@link RealCall}; the transport's handler. */
final class Attempt<T> implements ResponseHandler {
  private final RealCall<T> call;
  final int number;
  /** The exchange, known before the transport reports anything. */
  final ExchangeDriver exchange = new ExchangeDriver(this);
  volatile boolean abandoned;
  /** Where this attempt goes, for messages. */
  volatile URI uri = URI.create("http://unknown/");
  volatile Scheduler.@Nullable Cancellable connectTimer;
  volatile Scheduler.@Nullable Cancellable headersTimer;
  volatile Scheduler.@Nullable Cancellable idleTimer;
  volatile Scheduler.@Nullable Cancellable drainTimer;
  /** When bytes last arrived, or a paused blocking consumer asked again. */
  volatile long lastActivity;
  /** Whether a read is outstanding; always so in async mode once headers arrived. */
  volatile boolean readPending;
  // Guarded by RealCall.lock.
  boolean wantRead;
  private boolean connected;
  private boolean responded;
  private int status;
  private Headers headers = Headers.EMPTY;
  private @Nullable ErrorCollector errorBody;

  Attempt(RealCall<T> call, int number) {
    this.call = call;
    this.number = number;
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

  /** No response head in time: nothing was received, so the attempt may be retried. */
  void retryAfterTimeout(ChatWireException e) {
    if (abandoned) return;
    call.retryOrFail(this, e, null);
  }

  /** The body's content is complete ({@code [DONE]}) but the body has not ended in time. */
  private void finishAfterDone() {
    if (abandoned) return;
    T value;
    try {
      value = call.sink.onEnd();
    } catch (ChatWireException e) {
      call.fail(this, e);
      return;
    }
    Exchange ex = exchange;
    call.succeed(this, value);
    // The server kept the body open after the end: release the connection rather than wait.
    if (ex != null) ex.cancel();
  }

  /** Ends the attempt with the API error collected so far (the body was cut short). */
  private void endErrorBody(ErrorCollector eb) {
    finishError(eb); // a retry or a failure cancels the exchange, releasing the connection
  }

  private void finishError(ErrorCollector eb) {
    ChatWireException e = eb.toException(status, headers, call.env.mask);
    if (Retries.isRetryable(status, headers)) call.retryOrFail(this, e, headers);
    else call.fail(this, e);
  }

  /** Asks for the next body buffer: at once (async), or through the consumer's thread. */
  private void wantMore() {
    if (call.callback != null) {
      exchange.request(); // inside a handler call: only adds demand, the driver serves it
      return;
    }
    call.lock.lock();
    try {
      wantRead = true;
      call.changed.signalAll();
    } finally {
      call.lock.unlock();
    }
  }

  private void armIdleTimer(long delayNanos) {
    idleTimer = call.env.scheduler.schedule(this::checkIdle, delayNanos);
  }

  private void checkIdle() {
    if (abandoned) return;
    long idle = call.env.timeouts.getIdle().toNanos();
    long waited = call.env.scheduler.nanoTime() - lastActivity;
    if (readPending && waited >= idle) {
      ErrorCollector eb = errorBody;
      if (eb != null) {
        // An error body that stopped flowing still says what the error was.
        endErrorBody(eb);
        return;
      }
      call.fail(this, new IdleTimeoutException(call.env.timeouts.getIdle(), null, call.sink.partial()));
    } else {
      armIdleTimer(readPending ? idle - waited : idle);
    }
  }

  /** No connection in time: nothing was sent, so the attempt may be retried. */
  void connectTimedOut() {
    if (abandoned) return;
    call.lock.lock();
    try {
      if (connected) return;
    } finally {
      call.lock.unlock();
    }
    call.retryOrFail(this, new ConnectTimeoutException(
        call.env.timeouts.getConnect(), null, call.sink.partial()), null);
  }

  @Override
  public void onConnected() {
    Scheduler.Cancellable c = connectTimer;
    if (c != null) c.cancel();
    call.lock.lock();
    try {
      connected = true;
    } finally {
      call.lock.unlock();
    }
  }

  @Override
  public void onResponse(int status, Headers headers) {
    if (abandoned) return;
    Scheduler.Cancellable h = headersTimer;
    if (h != null) h.cancel();
    call.lock.lock();
    try {
      this.responded = true;
      this.status = status;
      this.headers = headers;
    } finally {
      call.lock.unlock();
    }
    lastActivity = call.env.scheduler.nanoTime();
    if (call.callback != null) readPending = true;
    RealCall.safe(() -> call.env.listener.responseHeaders(status, headers));
    if (status < 200 || status >= 300) {
      errorBody = new ErrorCollector();
    } else {
      try {
        call.sink.onResponse(status, headers);
      } catch (ChatWireException e) {
        call.fail(this, e);
        return;
      }
    }
    armIdleTimer(call.env.timeouts.getIdle().toNanos());
    wantMore();
  }

  @Override
  public void onBody(ByteBuffer bytes) {
    if (abandoned) return;
    lastActivity = call.env.scheduler.nanoTime();
    if (call.callback == null) readPending = false;
    ErrorCollector eb = errorBody;
    if (eb != null) {
      if (!eb.append(bytes)) {
        endErrorBody(eb);
        return;
      }
    } else {
      try {
        call.sink.onBytes(bytes);
      } catch (ChatWireException e) {
        call.fail(this, e);
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
    if (abandoned) return;
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
      call.fail(this, e);
      return;
    }
    call.succeed(this, value);
  }

  @Override
  public void onError(IOException error) {
    if (abandoned) return;
    stopTimers();
    boolean beforeConnect;
    boolean beforeResponse;
    call.lock.lock();
    try {
      beforeConnect = !connected;
      beforeResponse = !responded;
    } finally {
      call.lock.unlock();
    }
    ChatWireException e = IoErrors.map(error, call.env.timeouts, uri, call.sink.partial(),
        beforeConnect, beforeResponse);
    if (IoErrors.isRetryable(e, beforeResponse)) call.retryOrFail(this, e, null);
    else call.fail(this, e);
  }
}
