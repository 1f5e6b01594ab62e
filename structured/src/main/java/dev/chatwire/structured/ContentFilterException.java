package dev.chatwire.structured;

import org.jspecify.annotations.Nullable;

/**
 * The provider's content filter stopped the answer ({@code finish_reason} {@code content_filter}); what was produced is {@link #getRawText()}.
 *
 * <pre>{@code
 * catch (ContentFilterException e) { log.info("{}: {}", e.getMessage(), e.getRawText()); }
 * }</pre>
 */
public class ContentFilterException extends StructuredOutputException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message, the text the model sent (or null), and the cause. */
  public ContentFilterException(String message, @Nullable String rawText, @Nullable Throwable cause) {
    super(message, rawText, cause);
  }
}
