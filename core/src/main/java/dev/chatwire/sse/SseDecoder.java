package dev.chatwire.sse;

import dev.chatwire.internal.sse.EventStreamParser;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a {@code text/event-stream} incrementally: push the body bytes in as they arrive, split
 * anywhere, and each event comes out through an {@link SseListener} the moment its closing blank
 * line arrives.
 *
 * <p>It follows the WHATWG HTML "interpreting an event stream" rules: one leading BOM is
 * stripped; lines end with CR, LF or CRLF; lines starting with {@code :} are comments; field names
 * are case-sensitive and one space after the colon is dropped; {@code data} lines are joined with
 * LF; {@code event} names the type of the next event only; the last event ID persists across
 * events, an empty {@code id} clears it and an {@code id} containing U+0000 is ignored; {@code
 * retry} is reported when it is all ASCII digits; a block without data dispatches nothing; an
 * event cut off by the end of the stream is discarded. The stream is always UTF-8: valid bytes
 * pass through untouched and each ill-formed sequence becomes U+FFFD (EF BF BD), so the data
 * handed over is valid UTF-8 that a JSON parser can read in place.
 *
 * <p><b>Memory</b> is bounded by the largest event, not by the stream: the data lines of the
 * current event (with their LFs) and a pending {@code event} or {@code id} value may hold at most
 * {@link #getMaxEventSize()} bytes, {@value #DEFAULT_MAX_EVENT_SIZE} by default; more raises
 * {@link EventTooLargeException}. Comments, unknown fields and {@code retry} lines are skipped as
 * they stream by, never buffered, so a comment of any length is accepted.
 *
 * <p><b>Threading:</b> not thread-safe. Use one decoder per stream, fed by one thread at a time
 * (calls may move between threads with a happens-before edge, as transport callbacks do). The
 * listener is called on the feeding thread, inside {@code feed}. After an exception, from the
 * decoder or from the listener, the decoder refuses further input.
 *
 * <pre>{@code
 * SseDecoder decoder = new SseDecoder((type, lastEventId, data, offset, length) -> {
 *   if (!SseDecoder.isDone(data, offset, length)) handleJson(data, offset, length);
 * });
 * decoder.feed(bytes, 0, bytes.length); // as often as bytes arrive
 * decoder.end();
 * }</pre>
 *
 * <p>Kotlin:
 *
 * <pre>{@code
 * val decoder = SseDecoder({ type, lastEventId, data, offset, length ->
 *   println(String(data, offset, length, Charsets.UTF_8))
 * }, 4 * 1024 * 1024)
 * decoder.feed(buffer)
 * decoder.end()
 * }</pre>
 */
public final class SseDecoder {
  /** The default maximum event size: 1 MiB of buffered data and field bytes. */
  public static final int DEFAULT_MAX_EVENT_SIZE = 1024 * 1024;

  /** The largest maximum event size accepted: 512 MiB. */
  public static final int MAX_MAX_EVENT_SIZE = 512 * 1024 * 1024;

  private static final int COPY_CHUNK = 8 * 1024;
  /** Each thread's copy array for buffers without one (direct buffers), used inside feed only. */
  private static final ThreadLocal<byte @Nullable []> COPY = new ThreadLocal<>();

  private final EventStreamParser parser;
  private final int maxEventSize;

  /** Creates a decoder with the {@linkplain #DEFAULT_MAX_EVENT_SIZE default maximum event size}. */
  public SseDecoder(SseListener listener) {
    this(listener, DEFAULT_MAX_EVENT_SIZE);
  }

  /**
   * Creates a decoder.
   *
   * @param listener receives the events and reconnection times
   * @param maxEventSize the most bytes one event may buffer, from 1 to {@value
   *     #MAX_MAX_EVENT_SIZE}
   * @throws IllegalArgumentException if {@code maxEventSize} is out of range
   */
  public SseDecoder(SseListener listener, int maxEventSize) {
    if (maxEventSize < 1 || maxEventSize > MAX_MAX_EVENT_SIZE) {
      throw new IllegalArgumentException(
          "maxEventSize must be between 1 and " + MAX_MAX_EVENT_SIZE + ": " + maxEventSize);
    }
    this.parser = new EventStreamParser(listener, maxEventSize);
    this.maxEventSize = maxEventSize;
  }

  /**
   * Decodes {@code length} bytes of the stream from {@code bytes[offset]}, calling the listener for
   * every event they complete. The array is not read after the call returns: what the decoder
   * keeps, it copies. (It does keep a reference to the last array fed, up to 1 MiB, so that a
   * caller who reuses one read buffer causes no allocation per call.)
   *
   * @throws EventTooLargeException if an event outgrows the maximum event size
   * @throws IllegalStateException if the stream has ended or the decoder failed before
   * @throws IndexOutOfBoundsException if the range is outside the array
   */
  public void feed(byte[] bytes, int offset, int length) {
    parser.feed(bytes, offset, length);
  }

  /**
   * Decodes the remaining bytes of {@code buffer} and advances its position to its limit. The
   * buffer is used only during this call; what the decoder keeps, it copies.
   *
   * @throws EventTooLargeException if an event outgrows the maximum event size
   * @throws IllegalStateException if the stream has ended or the decoder failed before
   */
  public void feed(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      int position = buffer.position();
      parser.feed(buffer.array(), buffer.arrayOffset() + position, buffer.limit() - position);
      ((Buffer) buffer).position(buffer.limit());
      return;
    }
    // The copy lives only during this call, so the thread's one array serves every decoder it
    // feeds: a thousand streams on one event loop keep no copy array each. It is taken out while
    // in use, so a decoder fed from inside another's listener gets an array of its own.
    byte[] copy = COPY.get();
    if (copy != null) COPY.set(null);
    int remaining = buffer.remaining();
    if (copy == null || (copy.length < remaining && copy.length < COPY_CHUNK)) {
      // Sized to what arrives, up to 8 KiB: a thread that only sees small reads keeps a small one.
      copy = new byte[Math.min(COPY_CHUNK, Math.max(256, pow2AtLeast(remaining)))];
    }
    try {
      while (buffer.hasRemaining()) {
        int n = Math.min(copy.length, buffer.remaining());
        buffer.get(copy, 0, n);
        parser.feed(copy, 0, n);
      }
    } finally {
      COPY.set(copy);
    }
  }

  private static int pow2AtLeast(int n) {
    return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
  }

  /**
   * Marks the end of the stream. An event whose closing blank line never arrived is discarded, as
   * the specification requires. Calling it again does nothing; feeding afterwards fails.
   *
   * @throws IllegalStateException if the decoder failed before
   */
  public void end() {
    parser.end();
  }

  /**
   * Whether the input so far stopped inside an event: data lines (or an {@code event} line) were
   * read whose closing blank line has not come, or a {@code data} line is half read. At the end
   * of a stream this tells a body cut mid-event from one that ended between events; {@link
   * #end()} discards such an event either way.
   */
  public boolean isInsideEvent() {
    return parser.isInsideEvent();
  }

  /**
   * The stream's last event ID as of the most recent blank line: what a client would send as
   * {@code Last-Event-ID} when reconnecting; {@code ""} when there is none.
   */
  public String getLastEventId() {
    return parser.lastEventId();
  }

  /** The maximum number of bytes one event may buffer. */
  public int getMaxEventSize() {
    return maxEventSize;
  }

  /**
   * Whether an event's data is the {@code [DONE]} sentinel with which OpenAI-compatible servers end
   * a chat completion stream. Spaces, tabs and line breaks around it are tolerated.
   */
  public static boolean isDone(byte[] data, int offset, int length) {
    int from = offset;
    int to = offset + length;
    while (from < to && isBlank(data[from])) from++;
    while (to > from && isBlank(data[to - 1])) to--;
    return to - from == 6
        && data[from] == '['
        && data[from + 1] == 'D'
        && data[from + 2] == 'O'
        && data[from + 3] == 'N'
        && data[from + 4] == 'E'
        && data[from + 5] == ']';
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }
}
