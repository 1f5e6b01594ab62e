package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A timer ran out. The subclasses say which: {@link ConnectTimeoutException}, {@link
 * ResponseTimeoutException} (no response headers in time), {@link IdleTimeoutException} (no bytes
 * between reads for too long) and {@link DeadlineExceededException} (the whole call's deadline).
 */
public abstract class ChatWireTimeoutException extends ChatWireException {
  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  /** Creates the error; {@code timeout} is the setting that ran out. */
  protected ChatWireTimeoutException(
      String what, Duration timeout, @Nullable Throwable cause, @Nullable ChatCompletion partial) {
    super(what + " (" + timeout.toMillis() + " ms)", cause, partial);
    this.timeout = timeout;
  }

  /** The timeout setting that ran out. */
  public Duration getTimeout() {
    return timeout;
  }
}
