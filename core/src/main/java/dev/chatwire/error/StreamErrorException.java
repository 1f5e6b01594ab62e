package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/**
 * A stream ended with an error event: a chunk whose JSON has a top-level {@code error} (OpenAI,
 * OpenRouter, proxies) or vLLM's {@code {"object": "error", ...}}. Carries the parsed error, the
 * HTTP status and request id of the stream, the index of the event, and the completion
 * accumulated before it.
 */
public class StreamErrorException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final long eventIndex;

  /** Creates the error. */
  public StreamErrorException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      long eventIndex,
      @Nullable ChatCompletion partialCompletion) {
    super(status, error, requestId, headers, partialCompletion);
    this.eventIndex = eventIndex;
  }

  /** The zero-based index of the SSE event that carried the error. */
  public long getEventIndex() {
    return eventIndex;
  }
}
