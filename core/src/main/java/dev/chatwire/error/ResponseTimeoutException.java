package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The response headers did not arrive within the response timeout. */
public class ResponseTimeoutException extends ChatWireTimeoutException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public ResponseTimeoutException(Duration timeout, @Nullable Throwable cause, @Nullable ChatCompletion partial) {
    super("no response headers arrived in time", timeout, cause, partial);
  }
}
