package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Checks raw JSON text that a caller hands to a request builder (extras, schemas). */
public final class RequestRaw {
  private RequestRaw() {}

  /** True when {@code text} is exactly one JSON value (white space around it allowed). */
  public static boolean isSingleValue(String text) {
    try (JsonParser p = JsonSupport.FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) return false;
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Returns {@code text} when it is one JSON value.
   *
   * @throws IllegalArgumentException naming {@code what} (never quoting the text) otherwise
   */
  public static String require(String what, String text) {
    if (!isSingleValue(text)) {
      throw new IllegalArgumentException(what + " is not a single JSON value");
    }
    return text;
  }

  /** The JSON string literal for {@code value}, quoted and escaped. */
  public static String quote(String value) {
    StringWriter w = new StringWriter(value.length() + 2);
    try (JsonGenerator g = JsonSupport.FACTORY.createGenerator(w)) {
      g.writeString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * The JSON number text for {@code value}.
   *
   * @throws IllegalArgumentException for NaN and infinities, which JSON cannot hold
   */
  public static String number(Number value) {
    if ((value instanceof Double && !Double.isFinite(value.doubleValue()))
        || (value instanceof Float && !Float.isFinite(value.floatValue()))) {
      throw new IllegalArgumentException("JSON has no number " + value);
    }
    return require("number", value.toString());
  }
}
