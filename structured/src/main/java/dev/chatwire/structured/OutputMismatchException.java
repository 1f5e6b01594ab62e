package dev.chatwire.structured;

import org.jspecify.annotations.Nullable;

/**
 * The text is not JSON that fits the requested type (malformed, a wrong type, a missing value); the text is {@link #getRawText()} and the binding error is the cause.
 *
 * <pre>{@code
 * catch (OutputMismatchException e) { log.info("{}: {}", e.getMessage(), e.getRawText()); }
 * }</pre>
 */
public class OutputMismatchException extends StructuredOutputException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message, the text the model sent (or null), and the cause. */
  public OutputMismatchException(String message, @Nullable String rawText, @Nullable Throwable cause) {
    super(message, rawText, cause);
  }
}
