package dev.chatwire.structured;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ToolCall;
import dev.chatwire.stream.StreamEvent;

/**
 * Observes a {@link ToolLoop}: each round's request, its typed events when streaming, its answer, and
 * each tool result. Rounds count from 1. Calls come on the thread running the round (a transport
 * thread for the events of an async stream) and must not block; a listener that throws ends the
 * loop with that exception.
 *
 * <pre>{@code
 * ToolLoopListener log = new ToolLoopListener() {
 *   public void onResponse(int round, ChatCompletion answer) { System.out.println(answer); }
 * };
 * }</pre>
 */
public interface ToolLoopListener {
  /** Nothing is observed. */
  ToolLoopListener NONE = new ToolLoopListener() {};

  /** The request of round {@code round} is about to be sent. */
  default void onRequest(int round, ChatCompletionRequest request) {}

  /**
   * A typed event of round {@code round}'s stream (streaming runs only): content, refusal and
   * tool-argument deltas with their partial values, the done events, the completion.
   */
  default void onEvent(int round, StreamEvent event) {}

  /** Round {@code round}'s answer, whole (accumulated when streamed). */
  default void onResponse(int round, ChatCompletion completion) {}

  /** A tool call of round {@code round} ran; {@code result} is the message sent back. */
  default void onToolResult(int round, ToolCall call, ChatMessage result) {}
}
