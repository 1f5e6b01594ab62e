package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The connection could not be established within the connect timeout. */
public class ConnectTimeoutException extends ChatWireTimeoutException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public ConnectTimeoutException(Duration timeout, @Nullable Throwable cause, @Nullable ChatCompletion partial) {
    super("no connection could be made in time", timeout, cause, partial);
  }
}
