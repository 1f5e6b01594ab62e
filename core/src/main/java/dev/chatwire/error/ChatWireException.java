package dev.chatwire.error;

import dev.chatwire.internal.Secrets;
import dev.chatwire.model.ChatCompletion;
import org.jspecify.annotations.Nullable;

/**
 * The unchecked root of every exception ChatWire throws.
 *
 * <p>Subclasses are grouped by what a caller does about them (retry, fix the request,
 * re-authenticate). Messages describe what went wrong and where, and never contain a response
 * payload or a secret such as an API key: every message and cause passes through one redaction
 * that masks the keys this process sent and anything shaped like a credential.
 *
 * <p>A failure inside a stream carries the completion accumulated before it ({@link
 * #getPartialCompletion()}), so nothing already received is lost.
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

  private final transient @Nullable ChatCompletion partialCompletion;

  /** Creates an exception with a message. */
  public ChatWireException(String message) {
    this(message, null, null);
  }

  /** Creates an exception with a message and the cause that led to it. */
  public ChatWireException(String message, @Nullable Throwable cause) {
    this(message, cause, null);
  }

  /** Creates an exception that ends a stream, with what the stream had accumulated. */
  public ChatWireException(
      String message, @Nullable Throwable cause, @Nullable ChatCompletion partialCompletion) {
    super(Secrets.redact(message), Secrets.sanitize(cause));
    this.partialCompletion = partialCompletion;
  }

  /**
   * What a stream had accumulated before this failure ended it, or null when the failure did not
   * end a stream (or came before the first chunk).
   */
  public @Nullable ChatCompletion getPartialCompletion() {
    return partialCompletion;
  }
}
