package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/** Too many requests or tokens (HTTP 429); retried by default with the server's delay. */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error; see {@link ApiException}. */
  public RateLimitException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, partialCompletion);
  }

  /** Creates the error for an error event inside a stream; see {@link ApiException}. */
  public RateLimitException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      long eventIndex,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, eventIndex, partialCompletion);
  }
}
