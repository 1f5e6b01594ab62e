package dev.chatwire.internal.wire;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.Wire;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The state of one {@link ExchangeDriver} and its one decision function, {@link #next()}: what the
 * drainer does next. Guarded by this object's monitor, except the fields handed to the drainer
 * ({@code taken*}), which only the drainer touches.
 */
final class DriverState {
  static final int NONE = 0;
  static final int CONNECTED = 1;
  static final int HEAD = 2;
  static final int BODY = 3;
  static final int COMPLETE = 4;
  static final int ERROR = 5;
  static final int READ = 6;
  /** Hand the consumer every buffer queued when it asked ({@link #nextInBatch()}). */
  static final int BATCH = 7;

  private static final Object NO_TOKEN = new Object();

  volatile @Nullable Wire wire;
  volatile boolean blocking;
  long demand;
  boolean connected;
  int status = -1;
  volatile @Nullable Headers headers;
  boolean ended;
  @Nullable IOException failure;
  boolean reading;
  /** Whether the read in progress queued a piece already (the driver's body()). */
  boolean piecesThisRead;
  /** Volatile: a consumer delivering a batch looks at it between buffers, without the lock. */
  volatile boolean cancelled;
  boolean wireCancelled;
  boolean terminated;
  @Nullable Thread drainer;
  /** Whether the drainer is a consumer that asked ({@code request()}), not a wire's thread. */
  boolean drainerIsConsumer;
  /** Whether body bytes go to the handler only on a consumer's thread (see the driver). */
  volatile boolean consumerDrains;
  int waiting;
  /** Events the wire reported; a blocking read must report at least one. */
  long reports;
  /** {@link #reports} when the last read was decided. */
  private long reportsAtRead;

  private boolean connectedTold;
  private boolean headTold;
  /** Buffer, token, buffer, token...; tokens NO_TOKEN when there is nothing to release. */
  // Made on first use: an exchange that waits with nothing queued (most of a slow stream's life,
  // a thousand of them at once) holds no queue arrays.
  private @Nullable ArrayDeque<Object> queue;
  /**
   * The bytes queued (never empty buffers, so positive exactly when the queue is not empty); read
   * without the lock by a consumer deciding to wait.
   */
  volatile long queuedBytes;
  private @Nullable ArrayDeque<Object> dropped;
  /**
   * The buffers (and tokens) a consumer took at once, as the queue they were queued in; only the
   * drainer touches it. The queue then goes on in {@code spare}, the batch queue before.
   */
  private @Nullable ArrayDeque<Object> batch;
  /** A batch was taken and a read decided first: the batch is the next decision. */
  private boolean batchPending;
  /** A thread is inside {@code Wire.read()} (non-blocking wires; see the driver's readSerially). */
  boolean readCallActive;
  /** A read was decided while one was inside {@code Wire.read()}: that one issues it next. */
  boolean readAgain;
  private @Nullable ArrayDeque<Object> spare;
  private @Nullable ByteBuffer takenBuffer;
  private @Nullable Object takenToken;
  private @Nullable IOException takenError;

  /** Queues body bytes; false when they are not wanted (the exchange ended, or they are empty). */
  boolean offer(ByteBuffer bytes, @Nullable Object token) {
    if (terminated || ended || failure != null || !bytes.hasRemaining()) return false;
    if (headers == null) {
      // A transport's defect; queued, they could never be delivered (a consumer would spin).
      failure = new IOException("the transport reported body bytes before the response head");
      return false;
    }
    ArrayDeque<Object> q = queue;
    if (q == null) q = queue = new ArrayDeque<>(4);
    q.add(bytes);
    q.add(token == null ? NO_TOKEN : token);
    queuedBytes += bytes.remaining();
    return true;
  }

  /**
   * The drainer's decision: deliver, read, end, or nothing (the drainer then lets go). The one
   * other decision is {@link #readOnWhileConsumerDrains}, a read.
   */
  int next() {
    if (batchPending) {
      // Taken before anything that follows: delivered, or dropped at a cancel (deliverBatch).
      batchPending = false;
      return BATCH;
    }
    if (terminated) return NONE;
    if (cancelled) return terminate(new IOException("the exchange was cancelled"));
    if (!connectedTold && (connected || headers != null)) {
      connectedTold = true;
      return CONNECTED;
    }
    if (!headTold) {
      if (headers != null) {
        headTold = true;
        return HEAD;
      }
      return failure != null ? terminate(failure) : NONE;
    }
    ArrayDeque<Object> q = queue;
    if (q != null && !q.isEmpty()) {
      if (demand > 0 && (drainerIsConsumer || !consumerOnly())) {
        demand--;
        if (drainerIsConsumer && consumerOnly() && q.size() > 2) {
          // Everything queued, in one decision: the consumer then parses it with no lock taken
          // per buffer, and the chunks it yields wait in its sink, not here.
          batch = q;
          queue = spare;
          spare = null;
          queuedBytes = 0;
          // Every request so far is answered by what it takes (a consumer asks again when it
          // has parsed it); demand left over would take the next batch unasked.
          demand = 0;
          if (readAheadWanted()) {
            // The wire reads on while the consumer parses what it took, instead of waiting
            // idle until the consumer has parsed it all and asks.
            batchPending = true;
            return startRead();
          }
          return BATCH;
        }
        takenBuffer = (ByteBuffer) q.poll();
        Object token = q.poll();
        takenToken = token == NO_TOKEN ? null : token;
        queuedBytes -= takenBuffer.remaining();
        return BODY;
      }
    } else if (failure != null) {
      return terminate(failure);
    } else if (ended) {
      terminated = true;
      return COMPLETE;
    }
    if (!blocking) return readAheadWanted() ? startRead() : NONE;
    if (wire == null || reading || ended || failure != null) return NONE;
    // A waiting consumer reads for itself.
    boolean wanted = (q == null || q.isEmpty()) && demand > 0 && waiting == 0;
    return wanted ? startRead() : NONE;
  }

  private int startRead() {
    reading = true;
    piecesThisRead = false;
    reportsAtRead = reports;
    return READ;
  }

  /** Whether a non-blocking wire is to read on now: nothing stops it and the window has room. */
  private boolean readAheadWanted() {
    return wire != null && !blocking && !reading && !ended && failure == null && !terminated
        && !cancelled && queuedBytes < ExchangeDriver.READ_AHEAD_BYTES;
  }

  /**
   * A wire's thread, done with a read while a consumer drains (parses what it took), decides to
   * read on when the window has room, so the two work side by side: otherwise the wire waits for
   * the consumer to parse everything, decide the read and wake it. Under the lock.
   */
  boolean readOnWhileConsumerDrains() {
    if (drainer == null || !drainerIsConsumer || !consumerOnly() || !readAheadWanted()) {
      return false;
    }
    startRead();
    return true;
  }

  /** The drainer's blocking read returned: it is over, and must have reported something. */
  void blockingReadReturned() {
    reading = false;
    if (reports == reportsAtRead && !cancelled && failure == null) {
      // A blocking read that returned empty-handed would be asked again at once, forever.
      failure = new IOException("the transport's blocking read returned nothing");
    }
  }

  /**
   * Whether only a consumer's thread may take body bytes: a blocking consumer on a non-blocking
   * wire, whose threads then only read and queue.
   */
  boolean consumerOnly() {
    return consumerDrains && wire != null && !blocking;
  }

  /** Whether a consumer should be woken to take what is queued, as a drainer lets go. */
  boolean consumerHasWork() {
    return consumerOnly() && queuedBytes > 0 && !terminated;
  }

  private int terminate(IOException error) {
    terminated = true;
    takenError = error;
    dropAll();
    return ERROR;
  }

  /** Moves every queued token to the dropped list, for the drainer to release. */
  void dropAll() {
    Object o;
    ArrayDeque<Object> q = queue;
    if (q == null) return;
    while ((o = q.poll()) != null) {
      Object token = q.poll();
      if (token != NO_TOKEN && token != null) {
        ArrayDeque<Object> d = dropped;
        if (d == null) d = dropped = new ArrayDeque<>(4);
        d.add(token);
      }
    }
    queuedBytes = 0;
  }

  /**
   * Waits, as a consumer on a blocking wire (or one that takes the bytes itself), until the
   * drainer lets go. The drainer is then inside one handler call or read; an interrupt is kept
   * for the caller, who notices it once this returns.
   */
  void awaitRole() {
    boolean interrupted = false;
    waiting++;
    try {
      while (drainer != null) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      waiting--;
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /**
   * The next buffer of the batch the drainer took, its token ready for {@link #takeToken()}; null
   * once the batch is delivered. The drainer's alone, without the lock.
   */
  @Nullable ByteBuffer nextInBatch() {
    ArrayDeque<Object> b = batch;
    if (b == null) return null;
    ByteBuffer buffer = (ByteBuffer) b.poll();
    if (buffer == null) {
      endBatch(b);
      return null;
    }
    Object token = b.poll();
    takenToken = token == NO_TOKEN ? null : token;
    return buffer;
  }

  /**
   * The token of a buffer of the batch that will not be delivered (the exchange was cancelled, or
   * the handler threw), for the drainer to release; null once the batch is empty.
   */
  @Nullable Object dropFromBatch() {
    ArrayDeque<Object> b = batch;
    if (b == null) return null;
    while (b.poll() != null) {
      Object token = b.poll();
      if (token != NO_TOKEN && token != null) return token;
    }
    endBatch(b);
    return null;
  }

  private void endBatch(ArrayDeque<Object> empty) {
    batch = null;
    spare = empty;
  }

  Headers headersOrEmpty() {
    Headers h = headers;
    return h == null ? Headers.EMPTY : h;
  }

  ByteBuffer takeBuffer() {
    ByteBuffer b = takenBuffer;
    takenBuffer = null;
    if (b == null) throw new IllegalStateException("no buffer taken");
    return b;
  }

  @Nullable Object takeToken() {
    Object t = takenToken;
    takenToken = null;
    return t;
  }

  IOException takeError() {
    IOException e = takenError;
    takenError = null;
    if (e == null) throw new IllegalStateException("no error taken");
    return e;
  }

  synchronized @Nullable Object takeDropped() {
    ArrayDeque<Object> d = dropped;
    return d == null ? null : d.poll();
  }
}
