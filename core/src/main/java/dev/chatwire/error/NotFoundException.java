package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/** The model, deployment or path does not exist (HTTP 404). */
public class NotFoundException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; see {@link ApiException}. */
  public NotFoundException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, partialCompletion);
  }

  /** Creates the error for an error event inside a stream; see {@link ApiException}. */
  public NotFoundException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      long eventIndex,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, eventIndex, partialCompletion);
  }
}
