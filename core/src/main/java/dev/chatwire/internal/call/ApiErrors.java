package dev.chatwire.internal.call;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.chatwire.error.ApiError;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.AuthenticationException;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.error.ConflictException;
import dev.chatwire.error.InternalServerException;
import dev.chatwire.error.NotFoundException;
import dev.chatwire.error.PermissionDeniedException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.error.StreamErrorException;
import dev.chatwire.error.UnprocessableEntityException;
import dev.chatwire.internal.json.ErrorReader;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Turns provider error bodies (every shape {@link ErrorReader} knows) into the typed {@link
 * ApiException} for their status. A body that is not JSON (a proxy's HTML page) gives an error
 * with no fields but its text.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /**
   * The typed exception for an HTTP error status, or for an error body sent with a success
   * status (typed then by its {@code code} and {@code type}, as an error event is).
   */
  public static ApiException exception(
      int status, ApiError error, Headers headers, @Nullable ChatCompletion partial) {
    int category = status >= 400 ? status : StreamErrorCategory.status(error);
    return typed(category < 0 ? status : category, status, error, headers, -1, partial);
  }

  /**
   * The typed exception for an error event inside a stream: the type an HTTP error of the same
   * category gets (see {@link StreamErrorCategory}), or {@link StreamErrorException} when the
   * error names no category.
   */
  public static ApiException streamException(int status, ApiError error, Headers headers,
      long eventIndex, @Nullable ChatCompletion partial) {
    int category = StreamErrorCategory.status(error);
    if (category < 0) {
      return new StreamErrorException(status, error, requestId(headers), headers, eventIndex,
          partial);
    }
    return typed(category, status, error, headers, eventIndex, partial);
  }

  private static ApiException typed(int category, int status, ApiError error, Headers headers,
      long event, @Nullable ChatCompletion partial) {
    String id = requestId(headers);
    switch (category) {
      case 400: return new BadRequestException(status, error, id, headers, event, partial);
      case 401: return new AuthenticationException(status, error, id, headers, event, partial);
      case 403: return new PermissionDeniedException(status, error, id, headers, event, partial);
      case 404: return new NotFoundException(status, error, id, headers, event, partial);
      case 409: return new ConflictException(status, error, id, headers, event, partial);
      case 422: return new UnprocessableEntityException(status, error, id, headers, event, partial);
      case 429: return new RateLimitException(status, error, id, headers, event, partial);
      default:
        return category >= 500
            ? new InternalServerException(status, error, id, headers, event, partial)
            : new ApiException(status, error, id, headers, event, partial);
    }
  }

  /** The provider's request id header, or null. */
  public static @Nullable String requestId(Headers headers) {
    String id = headers.get("x-request-id");
    if (id == null) id = headers.get("apim-request-id");
    if (id == null) id = headers.get("request-id");
    return id;
  }

  /**
   * Parses an error body, passing its message and text through {@code mask}; never throws. A body
   * of no known shape keeps only its text.
   */
  public static ApiError parse(byte[] buf, int off, int len, UnaryOperator<String> mask) {
    ApiError e = ErrorReader.read(buf, off, len, mask);
    return e != null
        ? e
        : new ApiError(null, null, null, null, mask.apply(new String(buf, off, len, UTF_8)));
  }
}
