package dev.chatwire.structured;

import org.jspecify.annotations.Nullable;

/**
 * The answer was cut off ({@code finish_reason} {@code length}): the output token limit or the context window was reached before the JSON was complete; the partial text is {@link #getRawText()}.
 *
 * <pre>{@code
 * catch (TruncatedOutputException e) { log.info("{}: {}", e.getMessage(), e.getRawText()); }
 * }</pre>
 */
public class TruncatedOutputException extends StructuredOutputException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message, the text the model sent (or null), and the cause. */
  public TruncatedOutputException(String message, @Nullable String rawText, @Nullable Throwable cause) {
    super(message, rawText, cause);
  }
}
