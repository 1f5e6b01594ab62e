package dev.chatwire.transport.jdk;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.ResponseHandler;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One exchange on java.net.http: the body subscriber the JDK feeds, and the {@link Exchange} the
 * caller drives. Upstream demand is one {@code List<ByteBuffer>} at a time, asked for only when
 * the caller has demand and every buffer of the previous list is handed out, one per unit of
 * demand. Every handler call goes through {@link #drain()}, a lock-free serializing loop: whichever
 * thread signals (the JDK's, a {@code request()} caller's, a canceller's) runs the calls that are
 * due, and a signal that arrives meanwhile makes the running thread loop once more, so calls never
 * overlap and never nest.
 */
final class JdkExchange
    implements Exchange, HttpResponse.BodyHandler<Void>, HttpResponse.BodySubscriber<Void> {
  private final ResponseHandler handler;
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicBoolean upstreamRequested = new AtomicBoolean();
  private final AtomicReference<@Nullable IOException> failure = new AtomicReference<>();
  private final ConcurrentLinkedQueue<ByteBuffer> buffers = new ConcurrentLinkedQueue<>();
  private final CompletableFuture<Void> body = new CompletableFuture<>();
  private volatile Flow.@Nullable Subscription subscription;
  private volatile @Nullable CompletableFuture<?> send;
  private volatile @Nullable Headers headers;
  private volatile int status;
  private volatile boolean upstreamDone;
  private volatile boolean cancelled;
  private volatile boolean connected;

  // Touched only inside drain().
  private boolean responseDelivered;
  private boolean terminated;

  JdkExchange(ResponseHandler handler) {
    this.handler = handler;
  }

  void sending(CompletableFuture<?> future) {
    send = future;
    future.whenComplete((ignored, error) -> {
      if (error != null) fail(Errors.toIoException(error));
    });
    if (cancelled) future.cancel(true);
  }

  /** The request body is being sent, so the connection is up. */
  void connected() {
    connected = true;
  }

  boolean isConnected() {
    return connected;
  }

  /** Ends the exchange with {@code error} (first failure wins) and stops the JDK's work. */
  void failAndAbort(IOException error) {
    fail(error);
    abortUpstream();
  }

  void fail(IOException error) {
    failure.compareAndSet(null, error);
    drain();
  }

  // HttpResponse.BodyHandler: the status line and header fields have arrived.

  @Override
  public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
    Headers.Builder fields = Headers.builder();
    for (Map.Entry<String, List<String>> field : info.headers().map().entrySet()) {
      if (field.getKey().startsWith(":")) continue; // HTTP/2 pseudo-header fields
      for (String value : field.getValue()) fields.add(field.getKey(), value);
    }
    status = info.statusCode();
    headers = fields.build();
    drain();
    return this;
  }

  // HttpResponse.BodySubscriber.

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (cancelled || terminatedByFailure()) {
      s.cancel();
    } else {
      drain();
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    for (ByteBuffer b : item) {
      if (b.hasRemaining()) buffers.add(b);
    }
    upstreamRequested.set(false);
    drain();
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
    fail(Errors.toIoException(error));
  }

  @Override
  public void onComplete() {
    body.complete(null);
    upstreamDone = true;
    drain();
  }

  @Override
  public CompletionStage<Void> getBody() {
    return body;
  }

  // Exchange.

  @Override
  public void request() {
    if (demand.getAndIncrement() == Long.MAX_VALUE) demand.set(Long.MAX_VALUE);
    drain();
  }

  @Override
  public void cancel() {
    if (cancelled) return;
    cancelled = true;
    abortUpstream();
    drain();
  }

  private void abortUpstream() {
    Flow.Subscription s = subscription;
    if (s != null) s.cancel();
    CompletableFuture<?> f = send;
    if (f != null) f.cancel(true);
    body.completeExceptionally(new IOException("exchange cancelled"));
  }

  private boolean terminatedByFailure() {
    return failure.get() != null && buffers.isEmpty();
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) return;
    int missed = 1;
    do {
      try {
        drainOnce();
      } catch (RuntimeException | Error e) {
        handlerFailed(e);
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void drainOnce() {
    while (!terminated) {
      if (cancelled) {
        terminated = true;
        buffers.clear();
        return;
      }
      if (!responseDelivered) {
        Headers h = headers;
        if (h == null) {
          IOException error = failure.get();
          if (error != null) terminate(error);
          return;
        }
        responseDelivered = true;
        handler.onResponse(status, h);
        continue;
      }
      ByteBuffer next = buffers.peek();
      if (next != null) {
        if (demand.get() == 0) return;
        buffers.poll();
        demand.decrementAndGet();
        handler.onBody(next);
        continue;
      }
      IOException error = failure.get();
      if (error != null) {
        terminate(error);
        return;
      }
      if (upstreamDone) {
        terminated = true;
        handler.onComplete();
        return;
      }
      if (demand.get() > 0) requestUpstream();
      return;
    }
    buffers.clear();
  }

  private void terminate(IOException error) {
    terminated = true;
    buffers.clear();
    handler.onError(error);
  }

  private void requestUpstream() {
    Flow.Subscription s = subscription;
    if (s != null && upstreamRequested.compareAndSet(false, true)) s.request(1);
  }

  /** A handler threw: the exchange is over; tell the handler once, if it has not ended yet. */
  private void handlerFailed(Throwable e) {
    boolean wasTerminated = terminated;
    terminated = true;
    buffers.clear();
    abortUpstream();
    if (!wasTerminated && !cancelled) {
      try {
        handler.onError(new IOException("the response handler threw " + e.getClass().getName(), e));
      } catch (RuntimeException ignored) {
        // Nothing is left to tell.
      }
    }
  }
}
