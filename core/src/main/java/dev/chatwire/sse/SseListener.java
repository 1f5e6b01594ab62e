package dev.chatwire.sse;

/**
 * Receives what an {@link SseDecoder} decodes: one call per dispatched event, and the reconnection
 * time whenever the server sends a valid {@code retry} field.
 *
 * <p>Calls arrive on the thread that called {@link SseDecoder#feed(byte[], int, int)}, in stream
 * order, never concurrently. The {@code data} array is the decoder's own or, for an event that came
 * whole, the array being fed; it is valid only until the call returns and is never to be written:
 * parse it in place or copy what you keep. If a method throws, the exception
 * leaves {@code feed} unchanged and the decoder refuses further input.
 *
 * <pre>{@code
 * SseListener listener = (type, lastEventId, data, offset, length) -> {
 *   if (SseDecoder.isDone(data, offset, length)) return;
 *   parser.feedInput(data, offset, offset + length);
 * };
 * }</pre>
 *
 * <p>Kotlin:
 *
 * <pre>{@code
 * val listener = SseListener { type, lastEventId, data, offset, length ->
 *   println("$type: ${String(data, offset, length, Charsets.UTF_8)}")
 * }
 * }</pre>
 */
@FunctionalInterface
public interface SseListener {

  /**
   * One event: a block of lines ended by a blank line that carried at least one {@code data}
   * field.
   *
   * @param type the value of the block's last {@code event} field, or {@code "message"} when it
   *     had none or an empty one
   * @param lastEventId the last event ID of the stream: the value of the most recent valid
   *     {@code id} field, this block's or an earlier one's; {@code ""} when none was sent or the
   *     last one was empty
   * @param data the event's data lines joined with LF, as valid UTF-8 (invalid sequences already
   *     replaced by U+FFFD); the array is the decoder's buffer or the one it is being fed, to be
   *     read during this call only and never written
   * @param offset where the data starts in {@code data}
   * @param length the number of data bytes, possibly 0
   */
  void onEvent(String type, String lastEventId, byte[] data, int offset, int length);

  /**
   * The server asked for a new reconnection time. Called when a {@code retry} field whose value is
   * one or more ASCII digits and nothing else is read, at the moment its line ends. Values beyond {@code Long.MAX_VALUE}
   * are reported as {@code Long.MAX_VALUE}. The default does nothing.
   *
   * @param reconnectionTimeMillis the reconnection time in milliseconds
   */
  default void onRetry(long reconnectionTimeMillis) {}
}
