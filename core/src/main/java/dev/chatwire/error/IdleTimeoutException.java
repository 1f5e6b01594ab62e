package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** No bytes arrived for longer than the idle timeout; inside a stream, carries the partial completion. */
public class IdleTimeoutException extends ChatWireTimeoutException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public IdleTimeoutException(Duration timeout, @Nullable Throwable cause, @Nullable ChatCompletion partial) {
    super("no bytes arrived within the idle timeout", timeout, cause, partial);
  }
}
