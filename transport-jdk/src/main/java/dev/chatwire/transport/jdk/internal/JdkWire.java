package dev.chatwire.transport.jdk.internal;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * One exchange on java.net.http as a {@link Wire}: the body subscriber the JDK feeds reports to
 * core's exchange driver, and each {@link #read()} is one {@code request(1)} upstream, answered by
 * one {@code List<ByteBuffer>} and a {@code readComplete}.
 *
 * <p>In clear text (HTTP/1.1, a connection of its own) a blocking call's first attempt is carried
 * on its caller's thread ({@link #startOnCaller()}) by {@link HttpClient#send}, which the JDK runs
 * inline up to the request's write, with no hand-off to its executor, and which completes without
 * {@code sendAsync}'s last hop to {@code CompletableFuture}'s default executor (a new thread per
 * response on two CPUs or fewer). {@link #cancel()} then interrupts the carrier, which {@code
 * send()} answers by cancelling the exchange (Java 16 and later abort it; before, as with {@code
 * sendAsync}, a cancel before the head is seen when the head comes). Over TLS the connection may
 * be HTTP/2 and shared with other exchanges, where ending one by an interrupt is not relied on,
 * so there the attempt is started as any other.
 */
public final class JdkWire
    implements Wire, HttpResponse.BodyHandler<Void>, HttpResponse.BodySubscriber<Void> {
  private final HttpClient client;
  private final HttpRequest request;
  private final URI uri;
  /**
   * Whether a caller's start is carried on its thread: the request is HTTP/1.1, which {@link
   * JdkRequests} makes every clear-text request, so its connection serves it alone until its end.
   */
  private final boolean carries;
  private final WireEvents events;
  private final CompletableFuture<Void> body = new CompletableFuture<>();
  private volatile Flow.@Nullable Subscription subscription;
  private volatile @Nullable CompletableFuture<?> send;
  private volatile boolean readWanted;
  private volatile boolean cancelled;
  /** Set before {@link HttpClient#send}: the body stage completes with the head. */
  private volatile boolean sent;
  // Guarded by this: the thread inside send(), and whether cancel() interrupted it.
  private @Nullable Thread carrier;
  private boolean carrierInterrupted;

  /** A wire that sends {@code request} (made by {@link JdkRequests}) with {@code client}. */
  public JdkWire(HttpClient client, dev.chatwire.transport.HttpRequest request, WireEvents events) {
    this.client = client;
    this.uri = request.getUri();
    this.events = events;
    this.request = JdkRequests.convert(request, events::connected);
    this.carries = this.request.version().equals(Optional.of(HttpClient.Version.HTTP_1_1));
  }

  @Override
  public void start() {
    CompletableFuture<?> f;
    try {
      f = client.sendAsync(request, this);
    } catch (RuntimeException e) {
      events.error(Errors.refused(e));
      return;
    }
    send = f;
    f.whenComplete((ignored, error) -> {
      if (error != null) events.error(Errors.toIoException(error, uri));
    });
    if (cancelled) f.cancel(true);
  }

  @Override
  public boolean carriesOnCaller() {
    return carries;
  }

  @Override
  public void startOnCaller() {
    if (!carries) {
      start();
      return;
    }
    synchronized (this) {
      if (cancelled) return;
      carrier = Thread.currentThread();
    }
    sent = true;
    IOException failure = null;
    boolean callersInterrupt = false;
    boolean interruptTaken = false;
    try {
      client.send(request, this);
    } catch (IOException e) {
      failure = Errors.fromSend(e, uri);
    } catch (RuntimeException e) {
      failure = Errors.refused(e);
    } catch (InterruptedException e) {
      // The JDK cancelled the exchange, and the throw cleared the status. cancel()'s interrupt:
      // reported by then. The caller's: set again below, and core cancels the call.
      interruptTaken = true;
      synchronized (this) {
        callersInterrupt = !carrierInterrupted;
      }
    } finally {
      synchronized (this) {
        carrier = null;
        // cancel()'s interrupt, not yet taken by a throw (it came as send() returned, or during
        // inline work that went on), is not the caller's to see.
        if (carrierInterrupted && !interruptTaken) Thread.interrupted();
      }
    }
    if (callersInterrupt) {
      Thread.currentThread().interrupt();
    } else if (failure != null && !cancelled) {
      events.error(failure);
    }
  }

  @Override
  public void read() {
    Flow.Subscription s = subscription;
    if (s == null) {
      readWanted = true; // asked for before the JDK subscribed: onSubscribe asks
      s = subscription;
      if (s == null) return;
      readWanted = false;
    }
    s.request(1);
  }

  @Override
  public void cancel() {
    synchronized (this) {
      cancelled = true;
      Thread t = carrier;
      // Under the lock: never after the carrier left send(). A carrier interrupted already (by
      // its caller) leaves send() anyway, and keeps that interrupt.
      if (t != null && !carrierInterrupted && !t.isInterrupted()) {
        carrierInterrupted = true;
        t.interrupt();
      }
    }
    Flow.Subscription s = subscription;
    if (s != null) s.cancel();
    CompletableFuture<?> f = send;
    if (f != null) f.cancel(true);
    body.completeExceptionally(new IOException("exchange cancelled"));
  }

  // HttpResponse.BodyHandler: the status line and header fields have arrived.

  @Override
  public HttpResponse.BodySubscriber<Void> apply(HttpResponse.ResponseInfo info) {
    Headers.Builder fields = Headers.builder();
    for (Map.Entry<String, List<String>> field : info.headers().map().entrySet()) {
      if (field.getKey().startsWith(":")) continue; // HTTP/2 pseudo-header fields
      for (String value : field.getValue()) fields.add(field.getKey(), value);
    }
    events.head(info.statusCode(), fields.build());
    return this;
  }

  // HttpResponse.BodySubscriber.

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (cancelled) {
      s.cancel();
    } else if (readWanted) {
      readWanted = false;
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> item) {
    for (ByteBuffer b : item) events.body(b, null);
    events.readComplete();
  }

  @Override
  public void onError(Throwable error) {
    body.completeExceptionally(error);
    events.error(Errors.toIoException(error, uri));
  }

  @Override
  public void onComplete() {
    body.complete(null);
    events.end();
  }

  @Override
  public CompletionStage<Void> getBody() {
    // send() returns once this completes: at the head. sendAsync's future completes at the end,
    // so that its hop to CompletableFuture's default executor is not on the way to the first byte.
    return sent ? CompletableFuture.completedFuture(null) : body;
  }
}
