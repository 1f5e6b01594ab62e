package dev.chatwire.internal.json;

import dev.chatwire.internal.Maps;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The error a provider sent, in an HTTP error body or as a stream event: message, type, code
 * (a string or an integer, as text) and param, the other members as raw JSON text (Azure's
 * {@code innererror}, OpenRouter's {@code metadata}), and the raw text of the error object.
 * Immutable.
 */
public final class ErrorBody {
  private final @Nullable String message;
  private final @Nullable String type;
  private final @Nullable String code;
  private final @Nullable String param;
  private final Map<String, String> extras;
  private final String raw;

  ErrorBody(@Nullable String message, @Nullable String type, @Nullable String code,
      @Nullable String param, Map<String, String> extras, String raw) {
    this.message = message;
    this.type = type;
    this.code = code;
    this.param = param;
    this.extras = Maps.copy(extras);
    this.raw = raw;
  }

  /** The provider's message, or null when absent. */
  public @Nullable String getMessage() {
    return message;
  }

  /** The provider's error type, such as {@code invalid_request_error}, or null when absent. */
  public @Nullable String getType() {
    return type;
  }

  /** The provider's error code as text ({@code "rate_limit_exceeded"}, {@code "400"}), or null. */
  public @Nullable String getCode() {
    return code;
  }

  /** The request parameter the error is about, or null when absent. */
  public @Nullable String getParam() {
    return param;
  }

  /** The error object's other members, as raw JSON text by name. */
  public Map<String, String> getExtras() {
    return extras;
  }

  /** The raw JSON text of the error object (for a flat error, of the whole document). */
  public String getRaw() {
    return raw;
  }

  /** Names the type and code only: the message may quote the request. */
  @Override
  public String toString() {
    return "ErrorBody{type=" + type + ", code=" + code + ", param=" + param + '}';
  }
}
