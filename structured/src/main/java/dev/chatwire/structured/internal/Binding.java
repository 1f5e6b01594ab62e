package dev.chatwire.structured.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JavaType;
import dev.chatwire.structured.OutputMismatchException;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/** Reads JSON text into a type, turning Jackson's failures into {@link OutputMismatchException}. */
public final class Binding {
  private Binding() {}

  /** {@code json} as a {@code type}; {@code what} names the text in the message. */
  public static <T> T read(String json, Type type, String what) {
    JavaType javaType = Json.MAPPER.getTypeFactory().constructType(type);
    try {
      T value = Json.MAPPER.readValue(json, javaType);
      if (value == null) {
        throw new OutputMismatchException(what + " is null, not a " + javaType.getRawClass()
            .getSimpleName(), json, null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new OutputMismatchException(what + " " + problem(e) + " for "
          + javaType.getRawClass().getSimpleName() + location(e), json, e);
    }
  }

  /**
   * A partial value (plain Java maps, lists, strings, numbers) as a {@code type}, leniently:
   * null when it cannot be read yet.
   */
  public static <T> @Nullable T readPartial(@Nullable Object partial, Class<T> type) {
    if (partial == null) return null;
    try {
      return Json.LENIENT.convertValue(partial, type);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code value} as JSON text. */
  public static String write(Object value) {
    try {
      return Json.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName()
          + " as JSON", e);
    }
  }

  /** What went wrong, without the payload (Jackson's own messages may quote it). */
  private static String problem(JsonProcessingException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonEOFException) return "is cut off before the JSON ends";
      if (t instanceof JsonParseException) return "is malformed JSON";
    }
    if (e instanceof JsonMappingException) {
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : ((JsonMappingException) e).getPath()) {
        if (r.getFieldName() != null) path.append('.').append(r.getFieldName());
        else path.append('[').append(r.getIndex()).append(']');
      }
      String at = path.length() == 0 ? "at the top" : "at $" + path;
      if (e instanceof MismatchedInputException) {
        Class<?> target = ((MismatchedInputException) e).getTargetType();
        return "has a wrong or missing value " + at
            + (target == null ? "" : " (expected " + target.getSimpleName() + ")");
      }
      return "cannot be bound " + at;
    }
    return "cannot be read";
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (at character " + e.getLocation().getCharOffset() + ")";
  }
}
