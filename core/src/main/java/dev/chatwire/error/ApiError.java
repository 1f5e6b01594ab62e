package dev.chatwire.error;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The error a provider reported, from OpenAI's nested {@code {"error": {...}}}, vLLM's flat
 * {@code {"object": "error", ...}} or Azure's shape; every field may be absent. The raw body is
 * kept, capped, for diagnosis; it is never part of an exception message. Immutable.
 */
public final class ApiError {
  /** How many characters of a raw error body are kept. */
  public static final int MAX_BODY_CHARS = 8192;

  private final @Nullable String message;
  private final @Nullable String type;
  private final @Nullable String code;
  private final @Nullable String param;
  private final String body;

  /** Creates an error; {@code body} is truncated to {@link #MAX_BODY_CHARS}. */
  public ApiError(
      @Nullable String message,
      @Nullable String type,
      @Nullable String code,
      @Nullable String param,
      String body) {
    this.message = message == null ? null : Redaction.redact(message);
    this.type = type;
    this.code = code;
    this.param = param;
    this.body = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
  }

  /** The provider's message (with anything that looks like a key masked), or null. */
  public @Nullable String getMessage() {
    return message;
  }

  /** The provider's error type, or null. */
  public @Nullable String getType() {
    return type;
  }

  /** The provider's error code as text (vLLM sends integers), or null. */
  public @Nullable String getCode() {
    return code;
  }

  /** The request parameter concerned, or null. */
  public @Nullable String getParam() {
    return param;
  }

  /** The start of the raw body (at most {@link #MAX_BODY_CHARS} characters); may be empty. */
  public String getBody() {
    return body;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ApiError)) return false;
    ApiError that = (ApiError) o;
    return Objects.equals(message, that.message) && Objects.equals(type, that.type)
        && Objects.equals(code, that.code) && Objects.equals(param, that.param)
        && body.equals(that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, type, code, param, body);
  }

  @Override
  public String toString() {
    return "ApiError{type=" + type + ", code=" + code + ", param=" + param + ", message=" + message
        + '}';
  }
}
