package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The connection failed: it could not be opened, or it broke (reset, closed mid-body). Retried by
 * default when nothing of the response had been received; inside a stream it carries the partial
 * completion.
 */
public class ConnectionException extends ChatWireException {
  private static final long serialVersionUID = 1L;

  /** Creates the error around the transport's I/O error. */
  public ConnectionException(
      String message, IOException cause, @Nullable ChatCompletion partialCompletion) {
    super(message, cause, partialCompletion);
  }
}
