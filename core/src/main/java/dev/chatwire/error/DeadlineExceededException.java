package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The whole call, retries included, did not finish before its deadline. */
public class DeadlineExceededException extends ChatWireTimeoutException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public DeadlineExceededException(Duration timeout, @Nullable Throwable cause, @Nullable ChatCompletion partial) {
    super("the call did not finish before its deadline", timeout, cause, partial);
  }
}
