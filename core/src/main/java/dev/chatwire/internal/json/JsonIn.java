package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.chatwire.error.DecodeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A parser over one JSON document held in a byte array, with the helpers every model reader
 * needs: typed reads that fail with the field path and byte offset, and raw capture of unknown
 * members (the exact source bytes, so they are written back unchanged).
 *
 * <p>Not thread-safe; one per document.
 */
public final class JsonIn {
  private final JsonParser parser;
  private final byte[] buf;
  private final int off;
  private final long eventIndex;

  private JsonIn(JsonParser parser, byte[] buf, int off, long eventIndex) {
    this.parser = parser;
    this.buf = buf;
    this.off = off;
    this.eventIndex = eventIndex;
  }

  /** Opens {@code buf[off, off+len)}; {@code eventIndex} is -1 outside a stream. */
  public static JsonIn open(byte[] buf, int off, int len, long eventIndex) {
    try {
      return new JsonIn(JsonSupport.FACTORY.createParser(buf, off, len), buf, off, eventIndex);
    } catch (IOException e) {
      throw new DecodeException("could not open JSON input", "", 0, eventIndex, e);
    }
  }

  /** The underlying parser. */
  public JsonParser parser() {
    return parser;
  }

  /** The current token. */
  public @Nullable JsonToken token() {
    return parser.currentToken();
  }

  /** Advances to the next token; end of input is a decode error. */
  public JsonToken next() {
    try {
      JsonToken t = parser.nextToken();
      if (t == null) throw error("unexpected end of JSON input");
      return t;
    } catch (StreamConstraintsException e) {
      throw new DecodeException(
          "JSON exceeds a limit (" + e.getOriginalMessage() + ")", path(), offset(), eventIndex, e);
    } catch (JsonParseException e) {
      throw new DecodeException("malformed JSON: " + e.getOriginalMessage(), path(),
          e.getLocation() == null ? offset() : e.getLocation().getByteOffset(), eventIndex, e);
    } catch (IOException e) {
      throw new DecodeException("unreadable JSON", path(), offset(), eventIndex, e);
    }
  }

  /** Advances and returns the next field name inside an object, or null at its end. */
  public @Nullable String nextField() {
    JsonToken t = next();
    if (t == JsonToken.END_OBJECT) return null;
    if (t != JsonToken.FIELD_NAME) throw error("expected a field name but found " + describe(t));
    next();
    return currentName();
  }

  private String currentName() {
    try {
      String name = parser.currentName();
      return name == null ? "" : name;
    } catch (IOException e) {
      throw error("unreadable field name");
    }
  }

  /** Requires the current token to start an object. */
  public void requireObject() {
    if (parser.currentToken() != JsonToken.START_OBJECT) throw typeError("an object");
  }

  /** Returns true when the current token is {@code null}. */
  public boolean isNull() {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Advances into an array; returns false when the current token is null (absent array). */
  public boolean beginArrayOrNull() {
    if (isNull()) return false;
    if (parser.currentToken() != JsonToken.START_ARRAY) throw typeError("an array");
    return true;
  }

  /** Advances to the next array element; returns false at the array's end. */
  public boolean nextElement() {
    return next() != JsonToken.END_ARRAY;
  }

  /** The current string value, or null for JSON null. */
  public @Nullable String stringOrNull() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != JsonToken.VALUE_STRING) throw typeError("a string");
    try {
      return parser.getText();
    } catch (IOException e) {
      throw error("unreadable string");
    }
  }

  /**
   * The current string value, or null for JSON null; returns {@code previous} itself when the
   * text is equal to it, so values repeated on every stream chunk make no new String.
   */
  public @Nullable String stringOrNullReusing(@Nullable String previous) {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != JsonToken.VALUE_STRING) throw typeError("a string");
    try {
      char[] chars = parser.getTextCharacters();
      int start = parser.getTextOffset();
      int len = parser.getTextLength();
      if (previous != null && sameText(previous, chars, start, len)) return previous;
      return new String(chars, start, len);
    } catch (IOException e) {
      throw error("unreadable string");
    }
  }

  private static boolean sameText(String s, char[] chars, int start, int len) {
    if (s.length() != len) return false;
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != chars[start + i]) return false;
    }
    return true;
  }

  /** The current integer value (no fraction), or null for JSON null. */
  public @Nullable Long longOrNull() {
    return isNull() ? null : longOr(0);
  }

  /** The current integer value (no fraction), or {@code ifNull} for JSON null; no boxing. */
  public long longOr(long ifNull) {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NULL) return ifNull;
    if (t != JsonToken.VALUE_NUMBER_INT) throw typeError("an integer");
    try {
      if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        throw error("integer out of range");
      }
      return parser.getLongValue();
    } catch (IOException e) {
      throw error("integer out of range");
    }
  }

  /** The current value as an int, or null for JSON null; out-of-range values are errors. */
  public @Nullable Integer intOrNull() {
    return isNull() ? null : intOr(0);
  }

  /** The current value as an int, or {@code ifNull} for JSON null; out-of-range values are errors. */
  public int intOr(int ifNull) {
    long v = longOr(ifNull);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw error("integer out of range");
    return (int) v;
  }

  /** The current number as a double, or null for JSON null. */
  public @Nullable Double doubleOrNull() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw typeError("a number");
    }
    try {
      return parser.getDoubleValue();
    } catch (IOException e) {
      throw error("unreadable number");
    }
  }

  /** The current boolean, or null for JSON null. */
  public @Nullable Boolean booleanOrNull() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t == JsonToken.VALUE_TRUE) return Boolean.TRUE;
    if (t == JsonToken.VALUE_FALSE) return Boolean.FALSE;
    throw typeError("a boolean");
  }

  /**
   * The current value (scalar, object or array) as its exact source text, and leaves the parser
   * on the value's last token.
   */
  public String raw() {
    try {
      int start = (int) parser.currentTokenLocation().getByteOffset();
      if (parser.currentToken().isStructStart()) {
        parser.skipChildren();
      } else {
        parser.finishToken();
      }
      int end = (int) parser.currentLocation().getByteOffset();
      return new String(buf, off + start, end - start, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw error("malformed JSON");
    }
  }

  /** Skips the current value (and its children). */
  public void skip() {
    try {
      parser.skipChildren();
    } catch (IOException e) {
      throw error("malformed JSON");
    }
  }

  /** Requires that nothing but white space follows the document. */
  public void requireEnd() {
    try {
      JsonToken t = parser.nextToken();
      if (t != null) throw error("unexpected content after the JSON document");
    } catch (IOException e) {
      throw error("unexpected content after the JSON document");
    }
  }

  /** An error for a value of the wrong type: "expected X but found Y". */
  public DecodeException typeError(String expected) {
    return error("expected " + expected + " but found " + describe(parser.currentToken()));
  }

  /** An error at the current token, with its path and byte offset. */
  public DecodeException error(String problem) {
    return new DecodeException(problem, path(), offset(), eventIndex, null);
  }

  private long offset() {
    return parser.currentTokenLocation().getByteOffset();
  }

  /** The path of the current value, such as {@code choices[0].delta.tool_calls[1].index}. */
  public String path() {
    JsonStreamContext ctx = parser.getParsingContext();
    // On a '[' the context is already the new array's; the value's path is its parent's.
    if (parser.currentToken() == JsonToken.START_ARRAY && ctx != null) ctx = ctx.getParent();
    return path(ctx);
  }

  static String path(@Nullable JsonStreamContext ctx) {
    StringBuilder sb = new StringBuilder();
    build(ctx, sb);
    return sb.length() == 0 ? "$" : sb.toString();
  }

  private static void build(@Nullable JsonStreamContext ctx, StringBuilder sb) {
    if (ctx == null || ctx.inRoot()) return;
    build(ctx.getParent(), sb);
    if (ctx.inArray()) {
      sb.append('[').append(Math.max(ctx.getCurrentIndex(), 0)).append(']');
    } else if (ctx.getCurrentName() != null) {
      if (sb.length() > 0) sb.append('.');
      sb.append(ctx.getCurrentName());
    }
  }

  static String describe(@Nullable JsonToken t) {
    if (t == null) return "the end of input";
    switch (t) {
      case START_OBJECT: return "an object";
      case START_ARRAY: return "an array";
      case END_OBJECT: return "the end of an object";
      case END_ARRAY: return "the end of an array";
      case VALUE_STRING: return "a string";
      case VALUE_NUMBER_INT: return "an integer";
      case VALUE_NUMBER_FLOAT: return "a decimal number";
      case VALUE_TRUE: case VALUE_FALSE: return "a boolean";
      case VALUE_NULL: return "null";
      case FIELD_NAME: return "a field name";
      default: return t.name();
    }
  }
}
