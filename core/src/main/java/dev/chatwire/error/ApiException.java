package dev.chatwire.error;

import dev.chatwire.internal.RetryAfter;
import dev.chatwire.internal.Secrets;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error: an HTTP error status, or an error event inside a stream.
 * Carries the HTTP status, the provider's whole error ({@link #getError()}: {@code type}, {@code
 * code}, {@code param}, message and its other members), the request id ({@code x-request-id},
 * Azure's {@code apim-request-id}), the response headers, the delay the server asked for before a
 * retry, and the start of the raw body.
 *
 * <p>Subclasses name the statuses a caller reacts to: {@link BadRequestException} (400), {@link
 * AuthenticationException} (401), {@link PermissionDeniedException} (403), {@link
 * NotFoundException} (404), {@link ConflictException} (409), {@link UnprocessableEntityException}
 * (422), {@link RateLimitException} (429), {@link InternalServerException} (5xx); others are
 * this class.
 *
 * <p>An error event inside a stream gets the same types: its category comes from a numeric
 * {@code code} (OpenRouter sends 429, 502) or from the {@code code} and {@code type} strings
 * ({@code rate_limit_exceeded}, {@code server_error}, {@code invalid_request_error}, …); such an
 * exception has {@link #isInStream()} true, the index of the event ({@link #getEventIndex()}),
 * the stream's HTTP status (usually 200) and the partial completion. An error event of no known
 * category is a {@link StreamErrorException}.
 *
 * <pre>{@code
 * } catch (RateLimitException e) {
 *   log.info("rate limited, request {}", e.getRequestId());
 * }
 * }</pre>
 */
public class ApiException extends ChatWireException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ApiError error;
  private final @Nullable String requestId;
  private final transient Headers headers;
  private final long eventIndex;

  /** Creates an API error; the message is built from the status and the parsed error. */
  public ApiException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      @Nullable ChatCompletion partialCompletion) {
    this(status, error, requestId, headers, -1, partialCompletion);
  }

  /**
   * Creates an API error for an error event inside a stream ({@code eventIndex} ≥ 0) or for an
   * HTTP error status ({@code eventIndex} -1).
   */
  public ApiException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      long eventIndex,
      @Nullable ChatCompletion partialCompletion) {
    super(describe(status, error, requestId, eventIndex), null, partialCompletion);
    this.status = status;
    this.error = error;
    this.requestId = Secrets.redactOrNull(requestId); // a server may echo anything there
    this.headers = headers;
    this.eventIndex = eventIndex;
  }

  static String describe(int status, ApiError error, @Nullable String requestId, long eventIndex) {
    StringBuilder sb = new StringBuilder();
    if (eventIndex >= 0) {
      sb.append("error event ").append(eventIndex).append(" in the stream (HTTP ")
          .append(status).append(')');
    } else {
      sb.append("HTTP ").append(status);
    }
    if (error.getType() != null) sb.append(' ').append(error.getType());
    if (error.getCode() != null) sb.append(" (").append(error.getCode()).append(')');
    if (error.getMessage() != null) sb.append(": ").append(error.getMessage());
    if (requestId != null) sb.append(" [request id ").append(requestId).append(']');
    return sb.toString();
  }

  /**
   * The HTTP status of the response: the error status, or for an error event inside a stream the
   * stream's own status (usually 200; the exception's type tells the error's category).
   */
  public int getStatus() {
    return status;
  }

  /** Whether the error came as an event inside a stream rather than as an HTTP error status. */
  public boolean isInStream() {
    return eventIndex >= 0;
  }

  /** The zero-based index of the stream event that carried the error, or -1 for an HTTP error. */
  public long getEventIndex() {
    return eventIndex;
  }

  /**
   * The delay the server asked for before a retry ({@code retry-after-ms}, or {@code retry-after}
   * as seconds or an HTTP date, measured from now), or null when it asked for none. When
   * ChatWire retries this error, {@code EventListener.retryScheduled} gets this delay exactly
   * when it is non-null; otherwise the delay there is ChatWire's own backoff.
   */
  public @Nullable Duration getRetryAfter() {
    Long nanos = RetryAfter.nanos(headers, System.currentTimeMillis());
    return nanos == null ? null : Duration.ofNanos(nanos);
  }

  /** The provider's error, as parsed from the body (fields are null when the body had none). */
  public ApiError getError() {
    return error;
  }

  /** The provider's error type, such as {@code invalid_request_error}, or null. */
  public @Nullable String getType() {
    return error.getType();
  }

  /** The provider's error code, such as {@code rate_limit_exceeded} (an integer as text), or null. */
  public @Nullable String getCode() {
    return error.getCode();
  }

  /** The request parameter the error is about, or null. */
  public @Nullable String getParam() {
    return error.getParam();
  }

  /** The request id the provider assigned, for support requests, or null. */
  public @Nullable String getRequestId() {
    return requestId;
  }

  /**
   * The response headers, as received: a value is not redacted here (their {@code toString}
   * masks credential headers), so log what you pick from them with care.
   */
  public Headers getHeaders() {
    return headers;
  }
}
