package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.error.DecodeException;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes the error shapes providers send, in HTTP error bodies and as stream events: OpenAI's
 * nested {@code {"error": {"message", "type", "code", "param"}}} (also Azure, with a string
 * {@code code} and {@code innererror}, and OpenRouter, with an integer {@code code}), an {@code
 * error} that is only a string, vLLM's flat {@code {"object": "error", "message", "type", "code"}},
 * and FastAPI's {@code {"detail": "..."}}. Never throws: input of another shape gives null.
 */
public final class ErrorReader {
  private ErrorReader() {}

  /** The error in a JSON document, or null when it is not JSON or has no error. */
  public static @Nullable ErrorBody read(byte[] buf, int off, int len) {
    try {
      JsonIn in = JsonIn.open(buf, off, len, -1);
      in.next();
      if (in.token() != JsonToken.START_OBJECT) return null;
      Fields top = new Fields();
      ErrorBody nested = null;
      boolean title = false;
      for (String name; (name = in.nextField()) != null; ) {
        if (name.equals("error") && !in.isNull()) {
          title = in.token() == JsonToken.VALUE_STRING;
          nested = nested(in);
        } else {
          top.add(name, in);
        }
      }
      String whole = new String(buf, off, len, StandardCharsets.UTF_8).trim();
      if (nested != null && title && top.message != null) {
        // Express and many proxies: {"error": "Not Found", "message": "Cannot POST ...", ...}
        top.message = nested.getMessage() + ": " + top.message;
        return top.body(whole);
      }
      if (nested != null) return nested;
      return top.isError() ? top.body(whole) : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  /**
   * The error a stream chunk carries, a non-null {@code error} member or vLLM's {@code "object":
   * "error"}, or null when the chunk is not an error.
   */
  public static @Nullable ErrorBody fromChunk(ChatCompletionChunk chunk) {
    Map<String, String> extras = chunk.getExtras();
    String error = extras.get("error");
    try {
      if (error != null && !error.equals("null")) return nested(open(error));
      if (!"error".equals(chunk.getObject())) return null;
      Fields f = new Fields();
      for (Map.Entry<String, String> e : extras.entrySet()) f.add(e.getKey(), open(e.getValue()));
      return f.body(JsonText.string(out -> {
        out.startObject();
        out.string("object", chunk.getObject());
        out.extras(extras);
        out.endObject();
      }));
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

  private static ErrorBody nested(JsonIn in) {
    if (in.token() != JsonToken.START_OBJECT) {
      String text = in.token() == JsonToken.VALUE_STRING ? in.stringOrNull() : null;
      String raw = in.raw();
      return new ErrorBody(text != null ? text : raw, null, null, null, new LinkedHashMap<>(), raw);
    }
    String raw = in.raw();
    JsonIn obj = open(raw);
    Fields f = new Fields();
    for (String name; (name = obj.nextField()) != null; ) f.add(name, obj);
    return f.body(raw);
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

    ErrorBody body(String raw) {
      return new ErrorBody(message != null ? message : detail, type, code, param, extras, raw);
    }

    private static @Nullable String text(JsonIn in) {
      JsonToken t = in.token();
      if (t == JsonToken.VALUE_NULL) return null;
      if (t == JsonToken.VALUE_STRING) return in.stringOrNull();
      return in.raw();
    }
  }
}
