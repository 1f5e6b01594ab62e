package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/** The request conflicted with the server's state (HTTP 409); retried by default. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; see {@link ApiException}. */
  public ConflictException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, partialCompletion);
  }

  /** Creates the error for an error event inside a stream; see {@link ApiException}. */
  public ConflictException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      long eventIndex,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, eventIndex, partialCompletion);
  }
}
