package dev.chatwire.internal.wire;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The one exchange driver every transport feeds: it turns a {@link Wire}'s raw events into
 * {@link ResponseHandler} calls. It owns what each transport used to do its own way: the
 * serialization of handler calls, demand, when to read (ahead of demand up to {@link
 * #READ_AHEAD_BYTES} on a non-blocking wire, only against demand on a blocking one), what a
 * throwing handler means, and cancellation.
 *
 * <p>Every decision is taken under this object's lock by {@link DriverState#next()}; the actions
 * (handler calls, reads) run outside it, by one thread at a time, the <em>drainer</em>: whichever
 * thread signalled (an I/O thread reporting, a consumer asking, a canceller). A signal while
 * another thread drains only changes the state, which the drainer sees on its next decision; so
 * calls never overlap and never nest, and buffered bytes go to a consumer on its own thread. One
 * decision is taken elsewhere: a wire's thread that ends a read while a consumer drains may decide
 * the next read itself, under the lock ({@link DriverState#readOnWhileConsumerDrains}), and issue
 * it without the role. Calls of {@link Wire#read()} never overlap either way, and never nest: a
 * read decided while another thread (or this one, further up its stack) is inside one is issued
 * by that caller once its call returns ({@link #readSerially()}). On a
 * blocking wire a consumer's {@code request()} waits for the drainer to reach its next read and
 * then reads itself, so bytes are always read on the thread that asks for them. With {@link
 * #consumerDrains} on a non-blocking wire, only a consumer takes body bytes: the wire's threads
 * read ahead and queue them, and a consumer that comes while they drain waits for the role.
 */
public final class ExchangeDriver implements Exchange, WireEvents {
  /** How many bytes a non-blocking wire reads ahead of demand, at most. */
  public static final int READ_AHEAD_BYTES = 128 * 1024;

  private final ResponseHandler handler;
  private final DriverState state = new DriverState();
  private @Nullable Runnable wakeConsumer;
  /** {@link Wire#carriesOnCaller()} of the wire; guarded by {@code state}. */
  private boolean carriesOnCaller;

  /** A driver for {@code handler}; nothing happens before {@link #start}. */
  public ExchangeDriver(ResponseHandler handler) {
    this.handler = handler;
  }

  /**
   * Makes a blocking consumer the only thread that hands body bytes to the handler when the wire
   * is non-blocking: the wire's threads then only read ahead and queue (so the consumer parses
   * on its own thread while the I/O thread reads on, and never waits for an I/O thread that is
   * parsing), and {@code wake} is run when bytes are queued and no consumer is taking them, to
   * wake a consumer that waits. A consumer's {@link #request()} then takes every buffer queued at
   * that moment, one {@link ResponseHandler#onBody} call each, and the handler is to expect that.
   * Call before {@link #start}.
   */
  public void consumerDrains(Runnable wake) {
    wakeConsumer = wake;
    state.consumerDrains = true;
  }

  /**
   * Whether only a consumer's thread takes body bytes: {@link #consumerDrains} was called and the
   * wire is non-blocking. Known once the wire is open.
   */
  public boolean consumerTakesBytes() {
    return state.consumerOnly();
  }

  /** Whether body bytes wait for a consumer to take them ({@link #consumerDrains}). */
  public boolean hasQueued() {
    return state.queuedBytes > 0;
  }

  /** What {@link Transport#execute} does: a driver on a new wire of {@code transport}. */
  public static Exchange execute(Transport transport, HttpRequest request, ResponseHandler handler) {
    ExchangeDriver driver = new ExchangeDriver(handler);
    driver.start(transport, request);
    return driver;
  }

  /**
   * Opens the wire and starts it, unless the exchange was cancelled meanwhile.
   *
   * @throws IllegalStateException if the transport is closed
   * @throws IllegalArgumentException if the transport cannot send the request
   */
  public void start(Transport transport, HttpRequest request) {
    open(transport, request);
    start(false);
  }

  /**
   * Opens the wire for {@code request} without starting it, so that the caller can prepare for
   * how it will be started; returns whether it would carry the exchange on a caller's thread up to
   * the head ({@link Wire#carriesOnCaller()}).
   *
   * @throws IllegalStateException if the transport is closed
   * @throws IllegalArgumentException if the transport cannot send the request
   */
  public boolean open(Transport transport, HttpRequest request) {
    Wire wire = transport.open(request, this);
    boolean blocking = wire.isBlocking();
    boolean carries = wire.carriesOnCaller();
    synchronized (state) {
      state.wire = wire;
      state.blocking = blocking;
      carriesOnCaller = carries;
    }
    return carries;
  }

  /**
   * Starts the {@linkplain #open opened} wire, unless the exchange was cancelled meanwhile.
   * {@code onCaller}: the calling thread would only wait for the head, so a wire that carries the
   * exchange on it does ({@link Wire#startOnCaller()}); what that throws fails the exchange.
   */
  public void start(boolean onCaller) {
    Wire wire;
    boolean carries;
    synchronized (state) {
      wire = state.wire;
      if (wire == null) throw new IllegalStateException("start before open");
      if (state.cancelled || state.terminated) return;
      carries = carriesOnCaller;
    }
    if (!onCaller || !carries) {
      wire.start();
      return;
    }
    try {
      wire.startOnCaller();
    } catch (RuntimeException | Error e) {
      // What start() would have reported: the exchange failed (a throwing interceptor, say).
      error(new IOException("the transport failed to start: " + e.getClass().getName(), e));
      if (e instanceof Error) throw e;
    }
  }

  // Exchange: any thread.

  @Override
  public void request() {
    drain(true, true);
  }

  @Override
  public void cancel() {
    synchronized (state) {
      if (state.cancelled || state.terminated) return;
      state.cancelled = true;
    }
    cancelWire();
    drain(false);
  }

  /** Whether the wire was cancelled: by {@link #cancel()}, or as the driver ended the exchange. */
  public boolean isWireCancelled() {
    synchronized (state) {
      return state.wireCancelled;
    }
  }

  /** Cancels the wire once it is there, and only once. */
  private void cancelWire() {
    Wire wire;
    synchronized (state) {
      wire = state.wire;
      if (wire == null || state.wireCancelled) return;
      state.wireCancelled = true;
    }
    wire.cancel();
  }

  // WireEvents: the wire's threads.

  @Override
  public void connected() {
    synchronized (state) {
      state.connected = true;
    }
    drain(false);
  }

  @Override
  public void head(int status, Headers headers) {
    synchronized (state) {
      if (state.headers != null) return;
      state.status = status;
      state.headers = headers;
    }
    drain(false);
  }

  @Override
  public void body(ByteBuffer bytes, @Nullable Object token) {
    boolean kept;
    boolean queuedOnly;
    boolean wake = false;
    boolean reentrant;
    synchronized (state) {
      state.reports++;
      reentrant = state.drainer == Thread.currentThread();
      kept = state.offer(bytes, token);
      // Mid-read, with only a consumer taking bytes, a drain here could decide nothing but the
      // consumer's wake-up, and the read's own readComplete (or end, or error) drains anyway
      // (or reads on, while a consumer drains).
      // So the piece is only queued, and a waiting consumer woken for the read's first piece
      // alone: one that takes pieces faster than they come is otherwise woken, and waits again,
      // once a piece (an HTTP chunk, often one event), which cost the I/O thread more than
      // queueing did.
      queuedOnly = kept && state.reading && state.consumerOnly();
      if (queuedOnly && !state.piecesThisRead) {
        state.piecesThisRead = true;
        wake = true;
      }
    }
    if (queuedOnly) {
      Runnable w = wakeConsumer;
      if (wake && w != null) w.run();
      return;
    }
    if (!kept && token != null) release(token);
    // Also when not kept: refusing bytes may have failed the exchange (bytes before the head).
    // Reported by the drainer itself (a blocking read): its loop sees the change.
    if (!reentrant) drain(false);
  }

  @Override
  public void readComplete() {
    boolean reentrant;
    boolean readOn = false;
    synchronized (state) {
      state.reports++;
      state.reading = false;
      reentrant = state.drainer == Thread.currentThread();
      if (!reentrant) readOn = state.readOnWhileConsumerDrains();
    }
    if (readOn) {
      readSerially();
      return;
    }
    if (!reentrant) drain(false);
  }

  @Override
  public void end() {
    boolean reentrant;
    synchronized (state) {
      state.reports++;
      state.ended = true;
      state.reading = false;
      reentrant = state.drainer == Thread.currentThread();
    }
    if (!reentrant) drain(false);
  }

  @Override
  public void error(IOException error) {
    boolean reentrant;
    synchronized (state) {
      state.reports++;
      if (state.failure == null && !state.ended) state.failure = error;
      state.reading = false;
      reentrant = state.drainer == Thread.currentThread();
    }
    if (!reentrant) drain(false);
  }

  // The drain loop.

  private void drain(boolean requester) {
    drain(requester, false);
  }

  /**
   * Drains, as the drainer or by leaving the change to the one there is. {@code demand}: a consumer
   * asks for one more body buffer. Taking the demand, the role and the first decision under one
   * lock matters where a consumer takes buffers an I/O thread queues: both meet on this lock once
   * a buffer.
   */
  private void drain(boolean requester, boolean demand) {
    Thread me = Thread.currentThread();
    int action;
    boolean wake = false;
    synchronized (state) {
      if (demand && state.demand < Long.MAX_VALUE) state.demand++;
      if (state.drainer == me) return; // re-entrant: the loop below sees the change
      if (state.drainer != null) {
        if (!requester || !(state.blocking || state.consumerOnly())) return;
        state.awaitRole();
      }
      state.drainer = me;
      state.drainerIsConsumer = requester;
      action = state.next();
      if (action == DriverState.NONE) wake = letGo(requester);
    }
    while (action != DriverState.NONE) {
      perform(action);
      synchronized (state) {
        if (action == DriverState.READ && state.blocking) state.blockingReadReturned();
        action = state.next();
        if (action == DriverState.NONE) wake = letGo(requester);
      }
    }
    Runnable w = wakeConsumer;
    if (wake && w != null) w.run();
  }

  /** The drainer lets go (under the lock); whether a consumer is to be woken for queued bytes. */
  private boolean letGo(boolean requester) {
    state.drainer = null;
    if (state.waiting > 0) state.notifyAll();
    return !requester && state.consumerHasWork();
  }

  private void perform(int action) {
    try {
      switch (action) {
        case DriverState.CONNECTED:
          handler.onConnected();
          break;
        case DriverState.HEAD:
          handler.onResponse(state.status, state.headersOrEmpty());
          break;
        case DriverState.BODY:
          deliver(state.takeBuffer(), state.takeToken());
          break;
        case DriverState.BATCH:
          deliverBatch();
          break;
        case DriverState.COMPLETE:
          handler.onComplete();
          break;
        case DriverState.ERROR:
          endWith(state.takeError());
          break;
        default:
          if (state.blocking) {
            read();
          } else {
            readSerially();
          }
      }
    } catch (RuntimeException | Error e) {
      if (action == DriverState.READ) {
        readFailed(e);
      } else {
        handlerThrew(action, e);
      }
    }
  }

  /**
   * Issues a decided read on a non-blocking wire, unless a thread is inside {@link Wire#read()}
   * already: that one then issues it once its call returns. A wire's thread may decide a read
   * while a consumer is still inside the call that asked for the one before (the transport
   * delivered it on another thread meanwhile), or inside that very call (a wire that reports
   * what it holds from {@code read()} itself): without this the two calls would overlap, which
   * {@code java.net.http}'s subscription forbids, or nest, a level per piece up to the window.
   */
  private void readSerially() {
    synchronized (state) {
      if (state.readCallActive) {
        state.readAgain = true;
        return;
      }
      state.readCallActive = true;
    }
    while (true) {
      try {
        read();
      } catch (RuntimeException | Error e) {
        readFailed(e);
      }
      synchronized (state) {
        if (!state.readAgain || state.cancelled || state.terminated || state.failure != null) {
          state.readAgain = false;
          state.readCallActive = false;
          return;
        }
        state.readAgain = false;
      }
    }
  }

  private void readFailed(Throwable e) {
    error(new IOException("the transport failed to read: " + e.getClass().getName(), e));
  }

  /**
   * Hands the handler each buffer of the batch the consumer took, and stops at a cancel (then the
   * next decision ends the exchange) or a throw; what is not delivered is released.
   */
  private void deliverBatch() {
    try {
      ByteBuffer bytes;
      while (!state.cancelled && (bytes = state.nextInBatch()) != null) {
        deliver(bytes, state.takeToken());
      }
    } finally {
      Object token;
      while ((token = state.dropFromBatch()) != null) release(token);
    }
  }

  private void deliver(ByteBuffer bytes, @Nullable Object token) {
    try {
      handler.onBody(bytes);
    } finally {
      if (token != null) release(token);
    }
  }

  /** A read; a blocking one returns having reported (see DriverState.blockingReadReturned). */
  private void read() {
    Wire wire = state.wire;
    if (wire == null) throw new IllegalStateException("read before start");
    wire.read();
  }

  private void endWith(IOException error) {
    dropQueued();
    cancelWire();
    handler.onError(error);
  }

  /** A handler call threw: the exchange is over; the handler hears of it once, by onError. */
  private void handlerThrew(int action, Throwable thrown) {
    boolean tell;
    synchronized (state) {
      tell = !state.terminated;
      state.terminated = true;
      state.dropAll();
    }
    dropQueued();
    cancelWire();
    if (!tell || action == DriverState.COMPLETE || action == DriverState.ERROR) return;
    try {
      handler.onError(new IOException(
          "the response handler threw " + thrown.getClass().getName(), thrown));
    } catch (RuntimeException | Error ignored) {
      // Nothing is left to tell.
    }
  }

  private void dropQueued() {
    Object token;
    while ((token = state.takeDropped()) != null) release(token);
  }

  private void release(Object token) {
    Wire wire = state.wire;
    if (wire != null) wire.release(token);
  }
}
