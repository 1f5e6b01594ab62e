package dev.chatwire.structured;

import org.jspecify.annotations.Nullable;

/**
 * The model refused to answer: the refusal text is {@link #getRawText()}.
 *
 * <pre>{@code
 * catch (RefusalException e) { log.info("{}: {}", e.getMessage(), e.getRawText()); }
 * }</pre>
 */
public class RefusalException extends StructuredOutputException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message, the text the model sent (or null), and the cause. */
  public RefusalException(String message, @Nullable String rawText, @Nullable Throwable cause) {
    super(message, rawText, cause);
  }
}
