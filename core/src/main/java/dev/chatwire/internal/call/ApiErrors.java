package dev.chatwire.internal.call;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.error.ApiError;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.AuthenticationException;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.error.ConflictException;
import dev.chatwire.error.DecodeException;
import dev.chatwire.error.InternalServerException;
import dev.chatwire.error.NotFoundException;
import dev.chatwire.error.PermissionDeniedException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.error.UnprocessableEntityException;
import dev.chatwire.internal.json.JsonIn;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Parses provider error bodies: OpenAI's nested {@code {"error": {...}}} (also with a plain string
 * error), vLLM's flat {@code {"object": "error", "message", "type", "code"}} with a string or
 * integer code, Azure's string {@code code} with {@code innererror}, FastAPI's {@code detail}. A
 * body that is not JSON (a proxy's HTML page) gives an error with no fields but its text.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /** The typed exception for an HTTP error status. */
  public static ApiException exception(
      int status, ApiError error, Headers headers, @Nullable ChatCompletion partial) {
    String id = requestId(headers);
    switch (status) {
      case 400: return new BadRequestException(status, error, id, headers, partial);
      case 401: return new AuthenticationException(status, error, id, headers, partial);
      case 403: return new PermissionDeniedException(status, error, id, headers, partial);
      case 404: return new NotFoundException(status, error, id, headers, partial);
      case 409: return new ConflictException(status, error, id, headers, partial);
      case 422: return new UnprocessableEntityException(status, error, id, headers, partial);
      case 429: return new RateLimitException(status, error, id, headers, partial);
      default:
        return status >= 500
            ? new InternalServerException(status, error, id, headers, partial)
            : new ApiException(status, error, id, headers, partial);
    }
  }

  /** The provider's request id header, or null. */
  public static @Nullable String requestId(Headers headers) {
    String id = headers.get("x-request-id");
    if (id == null) id = headers.get("apim-request-id");
    if (id == null) id = headers.get("request-id");
    return id;
  }

  /** Parses an error body; never throws. */
  public static ApiError parse(byte[] buf, int off, int len) {
    String text = new String(buf, off, len, StandardCharsets.UTF_8);
    try {
      JsonIn in = JsonIn.open(buf, off, len, -1);
      if (in.next() != JsonToken.START_OBJECT) return new ApiError(null, null, null, null, text);
      Fields top = readFields(in, true);
      if (top.nested != null) return top.nested.toError(text);
      return top.toError(text);
    } catch (DecodeException notJson) {
      return new ApiError(null, null, null, null, text);
    }
  }

  private static Fields readFields(JsonIn in, boolean top) {
    Fields f = new Fields();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "error":
          if (in.token() == JsonToken.START_OBJECT) {
            if (top) f.nested = readFields(in, false);
            else in.skip();
          } else if (in.token() == JsonToken.VALUE_STRING) {
            f.message = in.stringOrNull();
          } else {
            in.skip();
          }
          break;
        case "message":
        case "detail":
          if (f.message == null) f.message = scalar(in);
          else in.skip();
          break;
        case "type":
          f.type = scalar(in);
          break;
        case "code":
          f.code = scalar(in);
          break;
        case "param":
          f.param = scalar(in);
          break;
        default:
          in.skip();
      }
    }
    return f;
  }

  private static @Nullable String scalar(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_STRING) return in.stringOrNull();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
        || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return in.raw();
    }
    in.skip();
    return null;
  }

  private static final class Fields {
    @Nullable String message;
    @Nullable String type;
    @Nullable String code;
    @Nullable String param;
    @Nullable Fields nested;

    ApiError toError(String body) {
      return new ApiError(message, type, code, param, body);
    }
  }
}
