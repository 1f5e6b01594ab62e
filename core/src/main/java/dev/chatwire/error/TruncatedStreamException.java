package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import java.io.EOFException;
import org.jspecify.annotations.Nullable;

/**
 * A stream's body ended before the answer did: cut inside an event, or ended between events
 * without {@code [DONE]} while a choice had no {@code finish_reason} yet. A proxy or a server that
 * closed the connection early does this; without the check it would pass for a short answer.
 * Carries what arrived ({@link #getPartialCompletion()}). Never retried by ChatWire, since bytes
 * were delivered; resending the request is the caller's choice. A stream that ends with {@code
 * [DONE]}, or without it once every choice has finished, is a success.
 *
 * <pre>{@code
 * } catch (TruncatedStreamException e) {
 *   ChatCompletion soFar = e.getPartialCompletion();
 * }
 * }</pre>
 */
public class TruncatedStreamException extends ConnectionException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; {@code message} says where the stream ended. */
  public TruncatedStreamException(String message, @Nullable ChatCompletion partialCompletion) {
    super(message, new EOFException(message), partialCompletion);
  }
}
