package dev.chatwire.sse;

import dev.chatwire.error.DecodeException;
import dev.chatwire.model.ChatCompletion;
import org.jspecify.annotations.Nullable;

/**
 * An event stream sent an event larger than the decoder's maximum event size, so decoding stopped
 * instead of buffering without bound.
 *
 * <p>The size counts the bytes buffered for the event being decoded: its data lines (each with its
 * LF) and the value of a pending {@code event} or {@code id} line. The message names both numbers,
 * the index of the event and the byte offset at which the limit was crossed, for example {@code
 * "event size (1048600) exceeds the allowed maximum (1048576) (byte offset 5242917) in event 12"}.
 *
 * <pre>{@code
 * } catch (EventTooLargeException e) {
 *   log.warn("event {} too large: {} > {}", e.getEventIndex(), e.getEventSize(), e.getMaxEventSize());
 * }
 * }</pre>
 */
public final class EventTooLargeException extends DecodeException {
  private static final long serialVersionUID = 1L;

  private final long eventSize;
  private final long maxEventSize;

  /**
   * Creates the error.
   *
   * @param eventSize the size the event reached with the bytes at hand, more than the maximum
   * @param maxEventSize the configured maximum
   * @param byteOffset the offset in the stream of the first byte beyond the maximum
   * @param eventIndex the zero-based index of the event being decoded
   */
  public EventTooLargeException(
      long eventSize, long maxEventSize, long byteOffset, long eventIndex) {
    this(eventSize, maxEventSize, byteOffset, eventIndex, null);
  }

  /** Creates the error for a stream, with the completion accumulated before the event. */
  public EventTooLargeException(long eventSize, long maxEventSize, long byteOffset,
      long eventIndex, @Nullable ChatCompletion partialCompletion) {
    super(
        "event size (" + eventSize + ") exceeds the allowed maximum (" + maxEventSize + ")",
        "",
        byteOffset,
        eventIndex,
        null,
        partialCompletion);
    this.eventSize = eventSize;
    this.maxEventSize = maxEventSize;
  }

  /**
   * The size the event had reached when decoding stopped; always more than {@link
   * #getMaxEventSize()}. How far beyond depends on how much input was at hand at that moment.
   */
  public long getEventSize() {
    return eventSize;
  }

  /** The maximum event size the decoder was configured with. */
  public long getMaxEventSize() {
    return maxEventSize;
  }
}
