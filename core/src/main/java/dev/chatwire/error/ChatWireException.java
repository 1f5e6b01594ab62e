package dev.chatwire.error;

import org.jspecify.annotations.Nullable;

/**
 * The unchecked root of every exception ChatWire throws.
 *
 * <p>Subclasses are grouped by what a caller does about them (retry, fix the request,
 * re-authenticate). Messages describe what went wrong and where, and never contain a response
 * payload or a secret such as an API key.
 *
 * <pre>{@code
 * try {
 *   client.chat().create(request);
 * } catch (ChatWireException e) {
 *   log.warn("chat failed: {}", e.getMessage());
 * }
 * }</pre>
 */
public class ChatWireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public ChatWireException(String message) {
    super(message);
  }

  /** Creates an exception with a message and the cause that led to it. */
  public ChatWireException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
