package dev.chatwire.stream;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import java.util.Iterator;

/**
 * A streaming chat completion, read on the thread that iterates it: each chunk is returned the
 * moment its bytes arrive, and every chunk is also accumulated into the {@link ChatCompletion} a
 * non-streaming call would have returned.
 *
 * <p>Iterate it once, on one thread. A failure (a broken connection, a timeout, an error event, a malformed
 * chunk) is thrown from the iterator as a {@link dev.chatwire.error.ChatWireException} carrying
 * the partial completion. {@link #close()} may be called from any thread; it stops reading and
 * releases the connection, and a thread blocked in the iterator then gets a {@link
 * dev.chatwire.error.CancelledException}.
 *
 * <pre>{@code
 * // Java
 * try (ChatStream stream = client.chat().stream(request)) {
 *   for (String text : stream.textDeltas()) System.out.print(text);
 *   System.out.println(stream.getCompletion().getUsage());
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * client.chat().stream(request).use { stream ->
 *   for (chunk in stream) print(chunk.choices.firstOrNull()?.delta?.content.orEmpty())
 * }
 * client.chat().stream(request).use { stream ->
 *   for (event in stream.events()) if (event is ContentDelta) print(event.delta)
 * }
 * }</pre>
 */
public interface ChatStream extends AutoCloseable, Iterable<ChatCompletionChunk> {

  /** The chunks, in order, each as soon as it arrives; can be called once. */
  @Override
  Iterator<ChatCompletionChunk> iterator();

  /** The non-empty text deltas ({@code delta.content}) of every choice, in order; once. */
  Iterable<String> textDeltas();

  /**
   * The stream as typed {@link StreamEvent}s (see {@link StreamEvents}), the last one {@link
   * CompletionDone}; content is read as JSON when the request asked for a {@code json_schema} or
   * {@code json_object} response format. Once, instead of the chunks or the text deltas; a
   * failure is thrown from the iterator as for the chunks.
   */
  Iterable<StreamEvent> events();

  /**
   * Reads the rest of the stream (chunks not yet iterated are accumulated, not returned) and
   * returns the whole completion; throws the stream's failure, if it failed. Any thread; the
   * iterator returns no chunk after it was called.
   */
  ChatCompletion getCompletion();

  /** The completion accumulated so far; never blocks. */
  ChatCompletion snapshot();

  /** Stops the stream and releases its connection; idempotent, from any thread. */
  @Override
  void close();
}
