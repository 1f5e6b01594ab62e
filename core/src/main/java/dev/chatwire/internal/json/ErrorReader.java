package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.error.ApiError;
import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.ModelAccess;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes the error shapes providers send, in HTTP error bodies and as stream events: OpenAI's
 * nested {@code {"error": {"message", "type", "code", "param"}}} (also Azure, with a string
 * {@code code} and {@code innererror}, and OpenRouter, with an integer {@code code}), an {@code
 * error} that is only a string, vLLM's flat {@code {"object": "error", "message", "type", "code"}},
 * and FastAPI's {@code {"detail": "..."}}. Never throws: input of another shape gives null.
 *
 * <p>Each method gives the public {@link ApiError} directly: {@code mask} hides the caller's own
 * key wherever a provider echoed it (in every field, every extra member and the kept body), and
 * {@link ApiError} then applies the pattern redaction every exception message gets.
 */
public final class ErrorReader {
  private ErrorReader() {}

  /**
   * The error in a JSON document, or null when it is not JSON or has no error; the whole document
   * is the error's body.
   */
  public static @Nullable ApiError read(byte[] buf, int off, int len, UnaryOperator<String> mask) {
    return read(buf, off, len, null, mask);
  }

  /**
   * The error in a JSON document, as {@link #read(byte[], int, int, UnaryOperator)}, kept with
   * {@code body} as its body instead (the whole response when the document was one of its
   * events), or with the document when {@code body} is null.
   */
  public static @Nullable ApiError read(
      byte[] buf, int off, int len, @Nullable String body, UnaryOperator<String> mask) {
    try {
      JsonIn in = JsonIn.open(buf, off, len, -1);
      in.next();
      if (in.token() != JsonToken.START_OBJECT) return null;
      Fields top = new Fields();
      Fields nested = null;
      boolean title = false;
      for (String name; (name = in.nextField()) != null; ) {
        if (name.equals("error") && !in.isNull()) {
          title = in.token() == JsonToken.VALUE_STRING;
          nested = nested(in);
        } else {
          top.add(name, in);
        }
      }
      String whole = body != null ? body : new String(buf, off, len, StandardCharsets.UTF_8);
      if (nested != null && title && top.message != null) {
        // Express and many proxies: {"error": "Not Found", "message": "Cannot POST ...", ...}
        top.message = nested.message + ": " + top.message;
        return top.error(whole, mask);
      }
      if (nested != null) return nested.error(whole, mask);
      return top.isError() ? top.error(whole, mask) : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  /**
   * The error a stream chunk carries, a non-null {@code error} member or vLLM's {@code "object":
   * "error"}, or null when the chunk is not an error; the event's bytes ({@code data}) are the
   * error's body, made into text only when the chunk is an error.
   */
  public static @Nullable ApiError fromChunk(ChatCompletionChunk chunk, byte[] data, int off,
      int len, UnaryOperator<String> mask) {
    // OpenAI's padding alone (nearly every OpenAI chunk): no error member to look for.
    if (ModelAccess.get().paddingOnly(chunk) && !"error".equals(chunk.getObject())) return null;
    Map<String, String> extras = chunk.getExtras();
    String error = extras.get("error");
    try {
      Fields f;
      if (error != null && !error.equals("null")) {
        f = nested(open(error));
      } else if ("error".equals(chunk.getObject())) {
        f = new Fields();
        for (Map.Entry<String, String> e : extras.entrySet()) f.add(e.getKey(), open(e.getValue()));
      } else {
        return null;
      }
      return f.error(new String(data, off, len, StandardCharsets.UTF_8), mask);
    } catch (DecodeException e) {
      return null; // extras hold valid JSON; this is only a guard
    }
  }

  private static JsonIn open(String raw) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.open(bytes, 0, bytes.length, -1);
    in.next();
    return in;
  }

  /** The members of the value of {@code error}: an object's, or a string's text as message. */
  private static Fields nested(JsonIn in) {
    Fields f = new Fields();
    if (in.token() != JsonToken.START_OBJECT) {
      String text = in.token() == JsonToken.VALUE_STRING ? in.stringOrNull() : null;
      f.message = text != null ? text : in.raw();
      return f;
    }
    JsonIn obj = open(in.raw());
    for (String name; (name = obj.nextField()) != null; ) f.add(name, obj);
    return f;
  }

  /** The members of an error object. */
  private static final class Fields {
    @Nullable String message;
    @Nullable String type;
    @Nullable String code;
    @Nullable String param;
    @Nullable String object;
    @Nullable String detail;
    final Map<String, String> extras = new LinkedHashMap<>();

    void add(String name, JsonIn in) {
      switch (name) {
        case "message":
          message = text(in);
          break;
        case "type":
          type = text(in);
          break;
        case "code":
          code = text(in);
          break;
        case "param":
          param = text(in);
          break;
        default:
          String value = in.token() == JsonToken.VALUE_STRING ? in.stringOrNull() : null;
          if (name.equals("object")) object = value;
          if (name.equals("detail")) detail = value;
          extras.put(name, in.raw());
      }
    }

    boolean isError() {
      return "error".equals(object) || message != null || detail != null;
    }

    ApiError error(String body, UnaryOperator<String> mask) {
      Map<String, String> masked = new LinkedHashMap<>();
      for (Map.Entry<String, String> e : extras.entrySet()) {
        masked.put(e.getKey(), mask.apply(e.getValue()));
      }
      return new ApiError(masked(message != null ? message : detail, mask), masked(type, mask),
          masked(code, mask), masked(param, mask), masked, mask.apply(body));
    }

    private static @Nullable String masked(@Nullable String text, UnaryOperator<String> mask) {
      return text == null ? null : mask.apply(text);
    }

    private static @Nullable String text(JsonIn in) {
      JsonToken t = in.token();
      if (t == JsonToken.VALUE_NULL) return null;
      if (t == JsonToken.VALUE_STRING) return in.stringOrNull();
      return in.raw();
    }
  }
}
