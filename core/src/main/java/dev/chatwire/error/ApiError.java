package dev.chatwire.error;

import dev.chatwire.internal.Maps;
import dev.chatwire.internal.Secrets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The error a provider reported, in an HTTP error body or as an event inside a stream: OpenAI's
 * nested {@code {"error": {...}}}, vLLM's flat {@code {"object": "error", ...}}, Azure's shape
 * with {@code innererror}, OpenRouter's integer {@code code} and {@code metadata}, and the {@code
 * {"error": "Not Found", "message": "..."}} of Express and many proxies. Every field may be
 * absent. The members ChatWire has no field for are kept as raw JSON text ({@link #getExtras()}),
 * and the raw body, capped, for diagnosis; neither is ever part of an exception message. Every
 * text passes through the same redaction as exception messages, so an echoed key never shows.
 * Immutable.
 *
 * <pre>{@code
 * ApiError error = e.getError();
 * String inner = error.getExtras().get("innererror");   // Azure: raw JSON, or null
 * }</pre>
 */
public final class ApiError {
  /** How many characters of a raw error body are kept. */
  public static final int MAX_BODY_CHARS = 8192;

  private final @Nullable String message;
  private final @Nullable String type;
  private final @Nullable String code;
  private final @Nullable String param;
  private final Map<String, String> extras;
  private final String body;

  /** Creates an error without extra members; {@code body} is cut at {@link #MAX_BODY_CHARS}. */
  public ApiError(
      @Nullable String message,
      @Nullable String type,
      @Nullable String code,
      @Nullable String param,
      String body) {
    this(message, type, code, param, Collections.<String, String>emptyMap(), body);
  }

  /**
   * Creates an error; {@code extras} are the error object's other members as raw JSON text by
   * name, {@code body} is cut at {@link #MAX_BODY_CHARS}.
   */
  public ApiError(
      @Nullable String message,
      @Nullable String type,
      @Nullable String code,
      @Nullable String param,
      Map<String, String> extras,
      String body) {
    this.message = Secrets.redactOrNull(message);
    this.type = Secrets.redactOrNull(type);
    this.code = Secrets.redactOrNull(code);
    this.param = Secrets.redactOrNull(param);
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : extras.entrySet()) {
      kept.put(e.getKey(), Secrets.redact(e.getValue()));
    }
    this.extras = Maps.copy(kept);
    String cut = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
    this.body = Secrets.redact(cut);
  }

  /** The provider's message (with anything that looks like a key masked), or null. */
  public @Nullable String getMessage() {
    return message;
  }

  /** The provider's error type, or null. */
  public @Nullable String getType() {
    return type;
  }

  /**
   * The provider's error code as text, or null: a string code as it came ({@code
   * rate_limit_exceeded}), an integer code in its decimal form ({@code 429}: OpenRouter, vLLM).
   */
  public @Nullable String getCode() {
    return code;
  }

  /** The request parameter concerned, or null. */
  public @Nullable String getParam() {
    return param;
  }

  /**
   * The error object's members other than message, type, code and param, as raw JSON text by
   * name, in arrival order: Azure's {@code innererror}, OpenRouter's {@code metadata}, a proxy's
   * {@code status}. Unmodifiable; empty when there are none.
   */
  public Map<String, String> getExtras() {
    return extras;
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
        && extras.equals(that.extras) && body.equals(that.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, type, code, param, extras, body);
  }

  @Override
  public String toString() {
    return "ApiError{type=" + type + ", code=" + code + ", param=" + param + ", message=" + message
        + '}';
  }
}
