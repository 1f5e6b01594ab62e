package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The server answered with an error: an HTTP error status, or an error event inside a stream.
 * Carries the HTTP status, the provider's error {@code type}, {@code code}, {@code param} and
 * message, the request id ({@code x-request-id}, Azure's {@code apim-request-id}), the response
 * headers and the start of the raw body.
 *
 * <p>Subclasses name the statuses a caller reacts to: {@link BadRequestException} (400), {@link
 * AuthenticationException} (401), {@link PermissionDeniedException} (403), {@link
 * NotFoundException} (404), {@link ConflictException} (409), {@link UnprocessableEntityException}
 * (422), {@link RateLimitException} (429), {@link InternalServerException} (5xx); others are
 * this class.
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

  /** Creates an API error; the message is built from the status and the parsed error. */
  public ApiException(
      int status,
      ApiError error,
      @Nullable String requestId,
      Headers headers,
      @Nullable ChatCompletion partialCompletion) {
    super(describe(status, error, requestId), null, partialCompletion);
    this.status = status;
    this.error = error;
    this.requestId = requestId;
    this.headers = headers;
  }

  static String describe(int status, ApiError error, @Nullable String requestId) {
    StringBuilder sb = new StringBuilder("HTTP ").append(status);
    if (error.getType() != null) sb.append(' ').append(error.getType());
    if (error.getCode() != null) sb.append(" (").append(error.getCode()).append(')');
    if (error.getMessage() != null) sb.append(": ").append(error.getMessage());
    if (requestId != null) sb.append(" [request id ").append(requestId).append(']');
    return sb.toString();
  }

  /** The HTTP status of the response. */
  public int getStatus() {
    return status;
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

  /** The response headers. */
  public Headers getHeaders() {
    return headers;
  }
}
