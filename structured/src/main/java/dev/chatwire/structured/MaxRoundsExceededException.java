package dev.chatwire.structured;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link ToolLoop} whose model still called tools after the last allowed round. Carries the
 * last answer (with its unanswered tool calls) and the conversation so far.
 *
 * <pre>{@code
 * catch (MaxRoundsExceededException e) { resumeLater(e.getMessages()); }
 * }</pre>
 */
public class MaxRoundsExceededException extends ChatWireException {
  private static final long serialVersionUID = 1L;
  private final transient ChatCompletion lastCompletion;
  private final transient List<ChatMessage> messages;

  /** An exception after {@code rounds} rounds. */
  public MaxRoundsExceededException(
      int rounds, ChatCompletion lastCompletion, List<ChatMessage> messages) {
    super("the model still called tools after " + rounds + " rounds, the loop's limit");
    this.lastCompletion = lastCompletion;
    this.messages = Collections.unmodifiableList(new ArrayList<>(messages));
  }

  /** The last answer, whose tool calls were not run. */
  public ChatCompletion getLastCompletion() {
    return lastCompletion;
  }

  /** The conversation up to the last answer, which is not in it. */
  public List<ChatMessage> getMessages() {
    return messages;
  }
}
