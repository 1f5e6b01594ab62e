package dev.chatwire.structured;

import dev.chatwire.error.ChatWireException;
import org.jspecify.annotations.Nullable;

/**
 * An answer or tool arguments that cannot be read into the requested type. The subclass says
 * why: {@link RefusalException}, {@link TruncatedOutputException}, {@link
 * ContentFilterException}, {@link OutputMismatchException}. The model's text is kept in {@link
 * #getRawText()}, never in the message. Unchecked; safe to share between threads.
 *
 * <pre>{@code
 * try {
 *   Answer a = StructuredOutput.parse(completion, Answer.class);
 * } catch (RefusalException e) {
 *   show(e.getRawText());
 * } catch (StructuredOutputException e) {
 *   log.warn("unusable answer: {}", e.getMessage());
 * }
 * }</pre>
 */
public class StructuredOutputException extends ChatWireException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String rawText;

  /** An exception with a message, the text the model sent (or null), and the cause. */
  public StructuredOutputException(
      String message, @Nullable String rawText, @Nullable Throwable cause) {
    super(message, cause);
    this.rawText = rawText;
  }

  /** The text the model sent (content, refusal or arguments), or null when it sent none. */
  public @Nullable String getRawText() {
    return rawText;
  }
}
