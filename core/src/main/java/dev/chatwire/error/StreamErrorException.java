package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A stream ended with an error event of no category ChatWire knows: a chunk whose JSON has a
 * top-level {@code error} (OpenAI, OpenRouter, proxies) or vLLM's {@code {"object": "error",
 * ...}}, whose {@code code} and {@code type} name neither a status nor a known kind. An error
 * event that does name one ({@code rate_limit_exceeded}, {@code server_error}, a numeric {@code
 * code} of 429 or 5xx) is thrown as the same type an HTTP error would be ({@link
 * RateLimitException}, {@link InternalServerException}, …) with {@link #isInStream()} true. Carries
 * the parsed error, the HTTP status and request id of the stream, the index of the event, and the
 * completion accumulated before it.
 */
public class StreamErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  /** Creates the error. */
  public StreamErrorException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      long eventIndex,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, eventIndex, partialCompletion);
  }
}
