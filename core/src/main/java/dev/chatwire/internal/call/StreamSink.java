package dev.chatwire.internal.call;

import dev.chatwire.error.ApiError;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.DecodeException;
import dev.chatwire.error.TruncatedStreamException;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.internal.json.ErrorReader;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.Choice;
import dev.chatwire.sse.EventTooLargeException;
import dev.chatwire.sse.SseDecoder;
import dev.chatwire.sse.SseListener;
import dev.chatwire.stream.ChunkAccumulator;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.transport.Headers;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The streaming body path: SSE decoder, chunk reader, accumulator, then the consumer (a queue the
 * blocking iterator drains, or the async listener). Body calls are serialized by the transport;
 * {@link #partial()} may come from a timer thread, so accumulation is guarded. A server that
 * ignores {@code stream: true} and answers {@code application/json} gets its completion
 * delivered as one chunk; a body that ends without any event (empty, or a proxy's HTML page) is a
 * {@link DecodeException}, never an empty success.
 *
 * <p>A body that ends without {@code [DONE]} is a success only when it ended between events and
 * every choice had finished (servers that never send {@code [DONE]} but do finish work); a body
 * cut inside an event, or before a choice finished, is a {@link TruncatedStreamException}
 * carrying what arrived. Every failure carries the partial completion, null before the first
 * chunk.
 */
public final class StreamSink implements BodySink<ChatCompletion>, SseListener {
  private final @Nullable StreamListener listener;
  private final SseDecoder decoder = new SseDecoder(this);
  private final ChunkReader reader = new ChunkReader();
  private final ChunkAccumulator accumulator = new ChunkAccumulator();
  /** The chunks the iterator has not taken; the iterating thread is its one consumer. */
  final ChunkQueue queue = new ChunkQueue();
  /**
   * Set by {@code getCompletion()}: the chunks are only accumulated from then on, no longer
   * queued, and the iterator returns none. So a thread other than the iterating one never touches
   * the queue.
   */
  volatile boolean discarding;
  private @Nullable RealCall<ChatCompletion> call;
  private int status;
  private Headers headers = Headers.EMPTY;
  private long eventIndex;
  private volatile boolean done;
  private @Nullable CompletionSink json;
  private final Object listenerLock = new Object();
  /** Guarded by listenerLock. */
  private boolean listenerEnded;

  private final UnaryOperator<String> mask;
  /** Events this far apart on average mark a stream that waits more than it reads. */
  private static final long TRICKLE_GAP_NANOS = 1_000_000L;
  private long lastEventAt;
  /** The time between reads that brought events, averaged (each new gap weighs 1/8). */
  private long averageGap;
  private boolean anyEvent;

  /** A sink for a blocking stream (listener null) or an async one. */
  public StreamSink(@Nullable StreamListener listener) {
    this(listener, UnaryOperator.identity());
  }

  /** A sink whose error events pass through {@code mask}, which hides the caller's key. */
  public StreamSink(@Nullable StreamListener listener, UnaryOperator<String> mask) {
    this.listener = listener;
    this.mask = mask;
  }

  /** Connects the sink to its call, to wake the blocking consumer. */
  public void attach(RealCall<ChatCompletion> call) {
    this.call = call;
  }

  @Override
  public void onResponse(int status, Headers headers) {
    this.status = status;
    this.headers = headers;
    if (ContentTypes.isJson(headers)) {
      CompletionSink whole = new CompletionSink(mask);
      whole.onResponse(status, headers);
      json = whole;
    }
  }

  @Override
  public void onBytes(ByteBuffer bytes, long nowNanos) {
    CompletionSink whole = json;
    if (whole != null) {
      whole.onBytes(bytes, nowNanos);
    } else if (!done) {
      long before = eventIndex;
      try {
        decoder.feed(bytes);
      } catch (EventTooLargeException e) {
        throw new EventTooLargeException(e.getEventSize(), e.getMaxEventSize(), e.getByteOffset(),
            e.getEventIndex(), partial());
      }
      if (eventIndex != before) {
        // A stream whose events come a millisecond or more apart on average trickles at the
        // model's pace: between its events it holds no parser (its buffers go back to the
        // thread's pool), so a thousand waiting streams hold none, even when a busy server or
        // client bunches a few of their events together. A fast stream keeps its parser from
        // event to event.
        boolean trickling;
        if (anyEvent) {
          averageGap += (Math.max(0, nowNanos - lastEventAt) - averageGap) >> 3;
          trickling = averageGap >= TRICKLE_GAP_NANOS;
        } else {
          trickling = true;
        }
        anyEvent = true;
        lastEventAt = nowNanos;
        if (trickling && !decoder.isInsideEvent()) reader.close();
      }
    }
  }

  @Override
  public void onEvent(String type, String lastEventId, byte[] data, int offset, int length) {
    if (done) return;
    long index = eventIndex++;
    if (SseDecoder.isDone(data, offset, length)) {
      done = true;
      // Returns the parser's buffers and merges the field names it learned into the shared
      // table, so the next stream's parser finds them instead of adding them again.
      reader.close();
      return;
    }
    if (length == 0) return;
    ChatCompletionChunk chunk;
    try {
      chunk = reader.read(data, offset, length, index);
    } catch (DecodeException e) {
      throw new DecodeException(
          e.getProblem(), e.getPath(), e.getByteOffset(), index, e, partial());
    }
    ApiError error = type.equals("error")
        ? ApiErrors.parse(data, offset, length, mask)
        : ErrorReader.fromChunk(chunk, data, offset, length, mask);
    if (error != null) throw ApiErrors.streamException(status, error, headers, index, partial());
    synchronized (accumulator) {
      try {
        accumulator.add(chunk);
      } catch (DecodeException e) {
        throw new DecodeException(e.getProblem(), e.getPath(), -1, index, e, partial());
      }
    }
    deliver(chunk);
  }

  private void deliver(ChatCompletionChunk chunk) {
    RealCall<ChatCompletion> c = call;
    if (c != null) {
      try {
        c.env.listener.chunk(chunk);
      } catch (RuntimeException ignored) {
        // An observer never breaks a stream.
      }
    }
    StreamListener l = listener;
    if (l == null) {
      if (discarding) return;
      queue.add(chunk);
      if (c != null) c.signalIfWaiting();
      return;
    }
    synchronized (listenerLock) {
      if (listenerEnded) return;
      try {
        l.onChunk(chunk);
      } catch (RuntimeException e) {
        throw new ChatWireException("the stream listener failed", e, partial());
      }
    }
  }

  /**
   * Tells the async listener how the stream ended: once, never while it is taking a chunk (the
   * end may come on a timer's or a canceller's thread), and no chunk reaches it afterwards.
   * {@code error} null means success. A listener's exception is dropped: the outcome stands.
   */
  public void end(@Nullable ChatCompletion completion, @Nullable ChatWireException error) {
    StreamListener l = listener;
    if (l == null) return;
    synchronized (listenerLock) {
      if (listenerEnded) return;
      listenerEnded = true;
      try {
        if (error != null) l.onError(error);
        else if (completion != null) l.onComplete(completion);
      } catch (RuntimeException ignored) {
        // A listener's failure does not change the call's outcome.
      }
    }
  }

  /** Whether the sink holds a JSON parser now (it does not between a trickling stream's events). */
  public boolean holdsParser() {
    return reader.isOpen();
  }

  @Override
  public boolean isFinished() {
    return done;
  }

  @Override
  public ChatCompletion onEnd() {
    CompletionSink whole = json;
    if (whole != null) {
      ChatCompletion completion = whole.onEnd();
      ChatCompletionChunk chunk = WholeChunk.of(completion);
      synchronized (accumulator) {
        accumulator.add(chunk);
      }
      deliver(chunk);
      return completion;
    }
    if (done) return snapshot();
    reader.close();
    boolean cut = decoder.isInsideEvent();
    decoder.end();
    if (eventIndex == 0 && !cut) {
      String type = ContentTypes.mediaType(headers);
      if (type.length() > 64) type = type.substring(0, 64);
      throw new DecodeException(
          "the response had no event (Content-Type: " + (type.isEmpty() ? "none" : type) + ")",
          "", -1, -1, null, null);
    }
    if (cut) {
      throw new TruncatedStreamException("the stream ended inside event " + eventIndex
          + ", without [DONE]", partial());
    }
    String unfinished = unfinishedChoice();
    if (unfinished != null) {
      throw new TruncatedStreamException("the stream ended after " + eventIndex
          + " events without [DONE] and before " + unfinished + " finished", partial());
    }
    return snapshot();
  }

  /** Names the first choice without a finish reason, or null when every choice finished. */
  private @Nullable String unfinishedChoice() {
    ChatCompletion c = snapshot();
    if (c.getChoices().isEmpty()) return "any choice";
    for (Choice choice : c.getChoices()) {
      if (choice.getFinishReason() == null) return "choice " + choice.getIndex();
    }
    return null;
  }

  /** The completion accumulated so far, null before the first chunk: what a failure carries. */
  @Override
  public @Nullable ChatCompletion partial() {
    synchronized (accumulator) {
      return accumulator.getChunkCount() == 0 ? null : accumulator.snapshot();
    }
  }

  /** The completion accumulated so far, with no choices before the first chunk. */
  public ChatCompletion snapshot() {
    synchronized (accumulator) {
      return accumulator.snapshot();
    }
  }
}
