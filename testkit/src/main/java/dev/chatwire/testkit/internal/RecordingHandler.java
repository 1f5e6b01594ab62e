package dev.chatwire.testkit.internal;

import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import dev.chatwire.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ResponseHandler} that records every call and checks the transport contract as the calls
 * arrive: onResponse first and once, onBody only against demand and never empty, exactly one
 * terminal call, nothing after it, and no call that overlaps another. Breaches are collected as
 * violations rather than thrown, because a throw would land in the transport's thread.
 */
public final class RecordingHandler implements ResponseHandler {
  private final boolean checkPattern;
  private final AtomicInteger inside = new AtomicInteger();
  private final AtomicLong demand = new AtomicLong();
  private volatile @Nullable Exchange exchange;
  private final Object startLock = new Object();
  // Guarded by startLock: asked for in a handler call before execute returned.
  private int earlyRequests;
  private boolean earlyCancel;
  private volatile boolean autoRequest;
  private volatile Consumer<RecordingHandler> afterEachBody = h -> {};
  private volatile Consumer<RecordingHandler> afterResponse = h -> {};

  // Guarded by this.
  private final List<String> calls = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = -1;
  private @Nullable Headers headers;
  private int bodyCalls;
  private long bodyBytes;
  private boolean terminal;
  private boolean completed;
  private @Nullable IOException error;
  private int callsAtCancel = -1;
  private boolean connected;

  private RecordingHandler(boolean checkPattern) {
    this.checkPattern = checkPattern;
  }

  /** Keeps the body bytes. */
  public static RecordingHandler collecting() {
    return new RecordingHandler(false);
  }

  /** Keeps no bytes; checks each against {@link Patterns#byteAt} at its position instead. */
  public static RecordingHandler checkingPattern() {
    return new RecordingHandler(true);
  }

  /** From now on, signals demand for one more body buffer at the end of each onBody. */
  public RecordingHandler autoRequest() {
    autoRequest = true;
    return this;
  }

  /** Runs {@code action} inside each onBody call, after the bytes are recorded. */
  public RecordingHandler afterEachBody(Consumer<RecordingHandler> action) {
    afterEachBody = action;
    return this;
  }

  /** Runs {@code action} inside onResponse, after the head is recorded (it may throw). */
  public RecordingHandler afterResponse(Consumer<RecordingHandler> action) {
    afterResponse = action;
    return this;
  }

  /**
   * Starts the exchange on {@code transport}. The head may reach the handler before {@code
   * execute} returns (an I/O thread can be that fast); demand or a cancel asked for in a handler
   * call meanwhile is passed on as soon as the exchange is known.
   */
  public Exchange start(Transport transport, HttpRequest request) {
    Exchange e = transport.execute(request, this);
    int early;
    boolean cancelEarly;
    synchronized (startLock) {
      exchange = e;
      early = earlyRequests;
      cancelEarly = earlyCancel;
    }
    for (int i = 0; i < early; i++) e.request();
    if (cancelEarly) e.cancel();
    return e;
  }

  /** The exchange, or null (then noted for {@link #start}) if execute has not returned yet. */
  private @Nullable Exchange exchangeOrNote(int requests, boolean cancel) {
    Exchange e = exchange;
    if (e != null) return e;
    synchronized (startLock) {
      e = exchange;
      if (e == null) {
        earlyRequests += requests;
        earlyCancel |= cancel;
      }
      return e;
    }
  }

  /** Signals demand for {@code n} more body buffers. */
  public void request(int n) {
    Exchange e = exchangeOrNote(n, false);
    for (int i = 0; i < n; i++) {
      demand.incrementAndGet();
      if (e != null) e.request();
    }
  }

  /** Cancels the exchange and notes the point: later, only one onError is allowed. */
  public void cancel() {
    Exchange e = exchangeOrNote(0, true);
    if (e != null) e.cancel();
    synchronized (this) {
      if (callsAtCancel < 0) callsAtCancel = calls.size();
    }
  }

  /** Recorded apart from {@link #calls()}: once at most, before onResponse. */
  @Override
  public void onConnected() {
    if (inside.getAndIncrement() != 0) violation("onConnected overlapped another handler call");
    try {
      synchronized (this) {
        if (connected) violation("onConnected called twice");
        if (status >= 0 || terminal) violation("onConnected after onResponse or the end");
        connected = true;
        notifyAll();
      }
    } finally {
      exit();
    }
  }

  @Override
  public void onResponse(int status, Headers headers) {
    enter("onResponse(" + status + ")");
    try {
      synchronized (this) {
        if (this.status >= 0) violation("onResponse called twice");
        if (!connected) violation("onResponse without onConnected");
        this.status = status;
        this.headers = headers;
        notifyAll();
      }
      afterResponse.accept(this);
    } finally {
      exit();
    }
  }

  @Override
  public void onBody(ByteBuffer bytes) {
    enter("onBody(" + bytes.remaining() + ")");
    try {
      if (demand.decrementAndGet() < 0) violation("onBody without demand");
      synchronized (this) {
        if (headers == null) violation("onBody before onResponse");
        if (!bytes.hasRemaining()) violation("onBody with no bytes");
        record(bytes);
        bodyCalls++;
        notifyAll();
      }
      afterEachBody.accept(this);
      if (autoRequest) request(1);
    } finally {
      exit();
    }
  }

  private void record(ByteBuffer bytes) {
    int n = bytes.remaining();
    if (checkPattern) {
      for (int i = 0; i < n; i++) {
        if (bytes.get(bytes.position() + i) != Patterns.byteAt(bodyBytes + i)) {
          violation("body byte " + (bodyBytes + i) + " differs from the pattern");
          break;
        }
      }
    } else {
      byte[] copy = new byte[n];
      bytes.duplicate().get(copy);
      body.write(copy, 0, n);
    }
    bodyBytes += n;
  }

  @Override
  public void onComplete() {
    enter("onComplete");
    try {
      synchronized (this) {
        terminal = true;
        completed = true;
        notifyAll();
      }
    } finally {
      exit();
    }
  }

  @Override
  public void onError(IOException error) {
    enter("onError(" + error + ")");
    try {
      synchronized (this) {
        terminal = true;
        this.error = error;
        notifyAll();
      }
    } finally {
      exit();
    }
  }

  private void enter(String call) {
    if (inside.getAndIncrement() != 0) violation(call + " overlapped another handler call");
    synchronized (this) {
      if (terminal) violation(call + " after the terminal call");
      if (callsAtCancel >= 0 && !(call.startsWith("onError") && !terminal)) {
        violation(call + " after cancel()");
      }
      calls.add(call);
    }
  }

  private void exit() {
    inside.decrementAndGet();
  }

  private synchronized void violation(String what) {
    violations.add(what);
  }

  /** Waits until {@code condition} (checked under this handler's lock) holds; false on timeout. */
  public synchronized boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        wait(Math.max(1, left / 1_000_000));
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Waits for the terminal call; false on timeout. */
  public boolean awaitTerminal(Duration timeout) {
    return await(() -> terminal, timeout);
  }

  /** Waits for at least {@code n} onBody calls (or a terminal call); false on timeout. */
  public boolean awaitBodyCalls(int n, Duration timeout) {
    return await(() -> bodyCalls >= n || terminal, timeout) && bodyCalls() >= n;
  }

  /** Waits for onResponse (or a terminal call); false on timeout. */
  public boolean awaitResponse(Duration timeout) {
    return await(() -> status >= 0 || terminal, timeout) && status() >= 0;
  }

  /** Whether onConnected was called. */
  public synchronized boolean isConnected() {
    return connected;
  }

  public synchronized int status() {
    return status;
  }

  public synchronized @Nullable Headers headers() {
    return headers;
  }

  public synchronized int bodyCalls() {
    return bodyCalls;
  }

  public synchronized long bodyBytes() {
    return bodyBytes;
  }

  public synchronized byte[] body() {
    return body.toByteArray();
  }

  public synchronized String bodyUtf8() {
    return new String(body.toByteArray(), StandardCharsets.UTF_8);
  }

  public synchronized boolean isCompleted() {
    return completed;
  }

  public synchronized @Nullable IOException error() {
    return error;
  }

  public synchronized List<String> calls() {
    return new ArrayList<>(calls);
  }

  public synchronized List<String> violations() {
    return new ArrayList<>(violations);
  }

  @Override
  public synchronized String toString() {
    int shown = Math.min(calls.size(), 12);
    return "RecordingHandler{status=" + status + ", bodyCalls=" + bodyCalls + ", bodyBytes="
        + bodyBytes + ", completed=" + completed + ", error=" + error + ", violations="
        + violations + ", first calls=" + calls.subList(0, shown) + '}';
  }
}
