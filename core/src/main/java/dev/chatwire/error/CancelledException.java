package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import org.jspecify.annotations.Nullable;

/**
 * The caller cancelled the call or closed the stream; what was received so far is in {@link
 * #getPartialCompletion()}.
 */
public class CancelledException extends ChatWireException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public CancelledException(String message, @Nullable ChatCompletion partialCompletion) {
    super(message, null, partialCompletion);
  }
}
