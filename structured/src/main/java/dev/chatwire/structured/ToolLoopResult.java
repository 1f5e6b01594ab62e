package dev.chatwire.structured;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How a {@link ToolLoop} ended: the answer without tool calls, the whole conversation (the
 * request's messages, each assistant turn, each tool result, and the final answer), and the
 * number of rounds. Immutable.
 *
 * <pre>{@code
 * ToolLoopResult r = loop.run(request);
 * String text = r.getText();
 * }</pre>
 */
public final class ToolLoopResult {
  private final ChatCompletion completion;
  private final List<ChatMessage> messages;
  private final int rounds;

  ToolLoopResult(ChatCompletion completion, List<ChatMessage> messages, int rounds) {
    this.completion = completion;
    this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
    this.rounds = rounds;
  }

  /** The last completion: the model's answer without tool calls. */
  public ChatCompletion getCompletion() {
    return completion;
  }

  /** The final answer's text, or null when it has none (such as a refusal). */
  public @org.jspecify.annotations.Nullable String getText() {
    return completion.getText();
  }

  /** The conversation, ending with the final answer as an assistant message. */
  public List<ChatMessage> getMessages() {
    return messages;
  }

  /** How many requests were sent. */
  public int getRounds() {
    return rounds;
  }

  @Override
  public String toString() {
    return "ToolLoopResult{rounds=" + rounds + ", messages=" + messages.size() + '}';
  }
}
