package dev.chatwire.stream;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;

/**
 * Receives an asynchronous stream: each chunk the moment it arrives, then exactly one of {@link
 * #onComplete} or {@link #onError}, after which no chunk comes. Calls never overlap and must not
 * block; chunks come on a transport thread, the end may come on another (a timer's when a timeout
 * ends the stream, or the thread that cancelled it). If {@link #onChunk} throws, the stream is
 * cancelled and ends with that failure.
 *
 * <pre>{@code
 * client.chat().streamAsync(request, chunk -> System.out.print(text(chunk)));
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin: prefer the Flow of the chatwire-kotlin module
 * client.chat().streamAsync(request) { chunk -> print(chunk.choices.firstOrNull()?.delta?.content.orEmpty()) }
 * }</pre>
 */
@FunctionalInterface
public interface StreamListener {
  /** The next chunk. */
  void onChunk(ChatCompletionChunk chunk);

  /** The stream ended normally; {@code completion} is everything accumulated. */
  default void onComplete(ChatCompletion completion) {}

  /** The stream failed; {@code error} carries the partial completion. */
  default void onError(ChatWireException error) {}
}
