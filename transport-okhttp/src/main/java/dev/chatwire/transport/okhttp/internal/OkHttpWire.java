package dev.chatwire.transport.okhttp.internal;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * One OkHttp call as a blocking {@link Wire}. The head arrives through {@link Call#enqueue} on
 * OkHttp's dispatcher thread, or through {@link Call#execute} on the caller's thread when core
 * starts a blocking {@code create()}'s first attempt there ({@link #startOnCaller()}). Each {@link
 * #read()} is one read of up to {@value #READ_SIZE} bytes from OkHttp's blocking source, with
 * whatever that source holds already, on the thread core's exchange driver reads on (the
 * consumer's, for the blocking API). {@link #cancel()} cancels the call, which unblocks a read in
 * progress.
 */
public final class OkHttpWire implements Wire, Callback {
  static final int READ_SIZE = ReadBuffers.SIZE;

  private final Call call;
  private final WireEvents events;
  private final ReadBuffers buffers;
  private final BooleanSupplier transportClosed;
  private volatile @Nullable Response response;
  private volatile @Nullable BufferedSource source;
  private volatile boolean cancelled;
  /** The read buffer, taken on the first read; only the reading thread touches it. */
  private @Nullable ByteBuffer view;
  // Guarded by this.
  private boolean reading;
  private boolean closed;

  /**
   * A wire for {@code request} on {@code client} (a client made by {@link Clients}), reading into
   * a buffer of {@code buffers}; {@code transportClosed} tells whether the transport was closed
   * meanwhile.
   */
  public OkHttpWire(OkHttpClient client, ReadBuffers buffers, HttpRequest request, WireEvents events,
      BooleanSupplier transportClosed) {
    this.events = events;
    this.buffers = buffers;
    this.transportClosed = transportClosed;
    this.call = client.newCall(
        OkHttpRequests.toOkHttp(request).newBuilder().tag(OkHttpWire.class, this).build());
  }

  @Override
  public void start() {
    call.enqueue(this);
  }

  /**
   * Executes the call on the calling thread up to its head ({@link Call#execute}); the body is
   * then read by {@link #read()}, on the thread that asks, as after {@link #start()}.
   */
  @Override
  public void startOnCaller() {
    if (transportClosed.getAsBoolean()) {
      // Closed since open(): enqueue would be refused by the stopped dispatcher; execute would
      // still run, on a client whose connections were just closed.
      onFailure(call, new IOException("the transport is closed"));
      return;
    }
    Response r;
    try {
      r = call.execute();
    } catch (IOException e) {
      onFailure(call, e);
      return;
    }
    onResponse(call, r);
  }

  @Override
  public boolean isBlocking() {
    return true;
  }

  /** From the network interceptor: a connection is up and the request is being written. */
  void connected() {
    events.connected();
  }

  @Override
  public void onResponse(Call call, Response r) {
    response = r;
    if (cancelled) {
      close();
      return;
    }
    ResponseBody body = r.body();
    source = body == null ? null : body.source();
    Headers headers;
    try {
      headers = toHeaders(r.headers());
    } catch (IllegalArgumentException e) {
      ProtocolException typed = new ProtocolException("malformed response header");
      typed.initCause(e);
      events.error(typed);
      return;
    }
    events.head(r.code(), headers);
  }

  @Override
  public void onFailure(Call call, IOException e) {
    events.error(e);
  }

  @Override
  public void read() {
    synchronized (this) {
      if (closed || cancelled) return;
      reading = true;
    }
    ByteBuffer v = view;
    if (v == null) v = view = buffers.take();
    int n;
    try {
      BufferedSource s = source;
      n = s == null ? -1 : s.read(v.array(), 0, READ_SIZE);
      if (n > 0) n += takeBuffered(s, v.array(), n);
    } catch (IOException e) {
      n = -2;
      events.error(e);
    } finally {
      synchronized (this) {
        reading = false;
      }
    }
    if (cancelled) {
      close();
    } else if (n == -1) {
      close(); // the whole body was read: the connection goes back to the pool
      giveBack();
      events.end();
    } else if (n >= 0) {
      ((Buffer) v).clear();
      ((Buffer) v).limit(n);
      events.body(v, null);
    } else {
      giveBack();
    }
  }

  /**
   * Copies what {@code source} holds already, without blocking, into {@code array} after its first
   * {@code n} bytes; returns how many. A read from Okio takes one of its segments: an HTTP chunk
   * (an event) that lies across two came in two reads, and the SSE decoder copied the event it
   * cut (about 20 B a chunk on average over a fast stream).
   */
  private static int takeBuffered(BufferedSource source, byte[] array, int n) {
    okio.Buffer held = source.getBuffer();
    int taken = 0;
    while (n + taken < READ_SIZE && held.size() > 0) {
      int m = held.read(array, n + taken, READ_SIZE - n - taken);
      if (m <= 0) break;
      taken += m;
    }
    return taken;
  }

  /**
   * Returns the read buffer for another exchange. Only from the reading thread, once no read is
   * left and every byte it held was handed over: the driver delivers a body before it asks for the
   * read that ends, so nothing looks at the buffer any more.
   */
  private void giveBack() {
    ByteBuffer v = view;
    view = null;
    if (v != null) buffers.give(v);
  }

  @Override
  public void cancel() {
    cancelled = true;
    call.cancel(); // unblocks a read in progress on another thread
    boolean idle;
    synchronized (this) {
      idle = !reading;
    }
    if (idle) close();
  }

  /** Closes the response once it is here; a body not fully read takes its connection with it. */
  private void close() {
    Response r = response;
    synchronized (this) {
      if (r == null || closed) return;
      closed = true;
    }
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
