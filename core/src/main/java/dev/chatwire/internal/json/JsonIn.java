package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.chatwire.error.DecodeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A parser over one JSON document held in a byte array, with the helpers every model reader
 * needs: typed reads that fail with the field path and byte offset, and raw capture of unknown
 * members (the exact source bytes, so they are written back unchanged).
 *
 * <p>{@link #open} reads one document. {@link #reusable()} makes a reader for a sequence of
 * documents, such as the events of one stream: one Jackson non-blocking parser is made once and
 * {@linkplain #feed fed} each document in turn, so a document costs no parser, context or buffer
 * allocation. Offsets in errors and raw captures are relative to the current document either way.
 *
 * <p>Not thread-safe. Close it when done so its buffers are reused; after a decode error from a
 * reusable reader, make a new one (the parser's state is then undefined).
 */
public final class JsonIn implements AutoCloseable {
  private final JsonParser parser;
  private final boolean reusable;
  private byte[] buf;
  private int off;
  private int len;
  /** Bytes fed before the current document; the parser's offsets count from the first. */
  private long base;
  private long eventIndex;
  /** Where the last raw value's source text is in buf, from off: [rawStart, rawEnd). */
  private int rawStart;
  private int rawEnd;

  private JsonIn(JsonParser parser, boolean reusable, byte[] buf, int off, int len, long eventIndex) {
    this.parser = parser;
    this.reusable = reusable;
    this.buf = buf;
    this.off = off;
    this.len = len;
    this.eventIndex = eventIndex;
  }

  /** Opens {@code buf[off, off+len)}; {@code eventIndex} is -1 outside a stream. */
  public static JsonIn open(byte[] buf, int off, int len, long eventIndex) {
    try {
      return new JsonIn(
          JsonSupport.FACTORY.createParser(buf, off, len), false, buf, off, len, eventIndex);
    } catch (IOException e) {
      throw new DecodeException("could not open JSON input", "", 0, eventIndex, e);
    }
  }

  /** A reader for a sequence of documents; {@link #feed} each one before reading it. */
  public static JsonIn reusable() {
    try {
      return new JsonIn(
          JsonSupport.FACTORY.createNonBlockingByteArrayParser(), true, new byte[0], 0, 0, -1);
    } catch (IOException e) {
      throw new DecodeException("could not open JSON input", "", 0, -1, e);
    }
  }

  /**
   * Starts the next document of a {@linkplain #reusable() reusable} reader, after the previous one
   * was read to its end ({@link #requireEnd()}).
   */
  public void feed(byte[] buf, int off, int len, long eventIndex) {
    if (!reusable) throw new IllegalStateException("not a reusable reader");
    this.base += this.len;
    this.buf = buf;
    this.off = off;
    this.len = len;
    this.eventIndex = eventIndex;
    try {
      ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(buf, off, off + len);
    } catch (IOException e) {
      throw failure(e, "could not feed JSON input");
    }
  }

  /** Closes the parser, returning its buffers to Jackson's per-thread pool for the next document. */
  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // A byte-array parser has nothing to release that can fail.
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
      if (t == JsonToken.NOT_AVAILABLE) {
        // A reusable reader was fed the whole document: "not available" means it ended early.
        throw new DecodeException("unexpected end of JSON input", path(), len, eventIndex, null);
      }
      checkNumberLength(t);
      return t;
    } catch (IOException e) {
      throw failure(e, "unreadable JSON");
    }
  }

  /**
   * Skips the children of the current object or array token by token, so that every number in
   * them meets the length limit: Jackson's non-blocking parser, which a stream reads with, does
   * not apply {@code maxNumberLength} itself, and one limit must hold for every reader.
   */
  private void skipChildren() throws IOException {
    JsonToken t = parser.currentToken();
    if (t == null || !t.isStructStart()) {
      checkNumberLength(t);
      return;
    }
    for (int depth = 1; depth > 0; ) {
      t = parser.nextToken();
      if (t == null || t == JsonToken.NOT_AVAILABLE) {
        throw new DecodeException("unexpected end of JSON input", path(), len, eventIndex, null);
      }
      if (t.isStructStart()) depth++;
      else if (t.isStructEnd()) depth--;
      else checkNumberLength(t);
    }
  }

  private void checkNumberLength(@Nullable JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) return;
    int length = parser.getTextLength();
    if (length > JsonSupport.MAX_NUMBER_LENGTH) {
      throw error("JSON exceeds a limit (number length (" + length
          + ") exceeds the allowed maximum (" + JsonSupport.MAX_NUMBER_LENGTH + "))");
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
      throw failure(e, "unreadable field name");
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
    if (!atString()) return null;
    try {
      return parser.getText();
    } catch (IOException e) {
      throw failure(e, "unreadable string");
    }
  }

  /**
   * The current string value, or null for JSON null; when its text equals the slot's last value,
   * that String itself is returned, else the slot is updated. Values repeated on every stream
   * chunk so make no new String.
   */
  public @Nullable String stringOrNullReusing(ReusedString slot) {
    if (!atString()) return null;
    try {
      char[] chars = parser.getTextCharacters();
      int start = parser.getTextOffset();
      int len = parser.getTextLength();
      String last = slot.value;
      if (last != null && last.length() == len) {
        int i = 0;
        while (i < len && last.charAt(i) == chars[start + i]) i++;
        if (i == len) return last;
      }
      String value = new String(chars, start, len);
      slot.value = value;
      return value;
    } catch (IOException e) {
      throw failure(e, "unreadable string");
    }
  }


  // True at a string, false at null; any other token is a type error.
  private boolean atString() {
    JsonToken t = parser.currentToken();
    if (t == JsonToken.VALUE_NULL) return false;
    if (t != JsonToken.VALUE_STRING) throw typeError("a string");
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
      throw failure(e, "integer out of range");
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
    double v;
    try {
      v = parser.getDoubleValue();
    } catch (IOException e) {
      throw failure(e, "unreadable number");
    }
    // 1E400 overflows to Infinity, which JSON cannot write back: refused as read, not as written.
    if (Double.isInfinite(v)) throw error("number out of range of a double");
    return v;
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
    locateRaw();
    return new String(buf, off + rawStart, rawEnd - rawStart, StandardCharsets.UTF_8);
  }

  /** As {@link #raw()}, the source text's UTF-8 bytes (a copy): no String is decoded. */
  public byte[] rawBytes() {
    locateRaw();
    return Arrays.copyOfRange(buf, off + rawStart, off + rawEnd);
  }

  // Finds the current value's source text, and leaves the parser on its last token.
  private void locateRaw() {
    try {
      if (reusable) {
        locateInFeed();
        return;
      }
      int start = (int) tokenStart();
      if (parser.currentToken().isStructStart()) {
        skipChildren();
      } else {
        parser.finishToken();
        checkNumberLength(parser.currentToken());
      }
      rawStart = start;
      rawEnd = (int) (parser.currentLocation().getByteOffset() - base);
    } catch (IOException e) {
      throw failure(e, "malformed JSON");
    }
  }

  // As locateRaw(), for the reusable parser, without the two JsonLocation objects per call that
  // asking Jackson for positions costs: the position comes from what the parser has not consumed
  // yet, and a scalar's start is found back from its end (the parser has validated it already).
  // Only the non-blocking parser can be asked so: the one-shot parser's releaseBuffered consumes
  // what it reports, so locateRaw() asks that one for locations (once per document, not per chunk).
  private void locateInFeed() throws IOException {
    JsonToken t = parser.currentToken();
    if (t.isStructStart()) {
      rawStart = position() - 1; // just after its '[' or '{'
      skipChildren();
      rawEnd = position();
    } else {
      parser.finishToken();
      checkNumberLength(t);
      int end = position();
      rawStart = t == JsonToken.VALUE_STRING ? openingQuote(end - 1) : literalStart(end);
      rawEnd = end;
    }
  }

  /** Where the parser is in the current feed: what it has not consumed is after it. */
  private int position() throws IOException {
    return len - parser.releaseBuffered(DISCARD);
  }

  // The opening quote of the valid string whose closing quote is at buf[off + close]: the first
  // quote back from it that no odd run of backslashes escapes.
  private int openingQuote(int close) {
    for (int i = close - 1; i >= 0; i--) {
      if (buf[off + i] != '"') continue;
      int slashes = 0;
      while (i - 1 - slashes >= 0 && buf[off + i - 1 - slashes] == '\\') slashes++;
      if ((slashes & 1) == 0) return i;
    }
    throw new IllegalStateException("no opening quote"); // the parser accepted the string
  }

  // The start of the number or literal (true, false, null) that ends before buf[off + end].
  private int literalStart(int end) {
    int i = end;
    while (i > 0 && isLiteralByte(buf[off + i - 1])) i--;
    return i;
  }

  private static boolean isLiteralByte(byte b) {
    return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')
        || b == '-' || b == '+' || b == '.';
  }

  /** Takes what {@code releaseBuffered} hands over, to learn only how much it was. */
  private static final OutputStream DISCARD = new OutputStream() {
    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  };

  /** Skips the current value (and its children). */
  public void skip() {
    try {
      skipChildren();
    } catch (IOException e) {
      throw failure(e, "malformed JSON");
    }
  }

  /** Requires that nothing but white space follows the document. */
  public void requireEnd() {
    if (reusable) {
      requireOnlyWhiteSpaceLeft();
      return;
    }
    try {
      JsonToken t = parser.nextToken();
      if (t != null) throw error("unexpected content after the JSON document");
    } catch (IOException e) {
      long at = e instanceof JsonProcessingException
          && ((JsonProcessingException) e).getLocation() != null
          ? ((JsonProcessingException) e).getLocation().getByteOffset() : offset();
      throw new DecodeException(
          "unexpected content after the JSON document", "$", at, eventIndex, null);
    }
  }

  // The rest of the bytes are checked here: a partial token (a digit, "tru") would otherwise
  // wait in the parser for the next document. White space is then consumed so it can be fed.
  private void requireOnlyWhiteSpaceLeft() {
    int end;
    try {
      end = position();
    } catch (IOException e) {
      throw failure(e, "unexpected content after the JSON document");
    }
    for (int i = end; i < len; i++) {
      byte b = buf[off + i];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        throw new DecodeException(
            "unexpected content after the JSON document", "$", i, eventIndex, null);
      }
    }
    try {
      if (parser.nextToken() != JsonToken.NOT_AVAILABLE) {
        throw error("unexpected content after the JSON document");
      }
    } catch (IOException e) {
      throw failure(e, "unexpected content after the JSON document");
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
    long at = tokenStart();
    if (at < 0) at = parser.currentLocation().getByteOffset() - base;
    return Math.max(at, 0);
  }

  /** Where the current token starts in the current document. */
  private long tokenStart() {
    JsonToken t = parser.currentToken();
    if (!reusable || t == null) return parser.currentTokenLocation().getByteOffset() - base;
    // The non-blocking parser does not update the token location for '}' and ']' (one byte each).
    if (t.isStructEnd()) return parser.currentLocation().getByteOffset() - base - 1;
    return parser.currentTokenLocation().getByteOffset() - base - TokenStarts.skew(t);
  }

  /**
   * A decode error for a parser failure. Jackson's own messages may quote the input (an
   * unrecognized token, an unexpected character), so only the kind of problem is kept, and the
   * parser's exception is not attached as the cause.
   */
  private DecodeException failure(IOException e, String fallback) {
    if (e instanceof StreamConstraintsException) {
      return new DecodeException(
          "JSON exceeds a limit (" + ((StreamConstraintsException) e).getOriginalMessage() + ")",
          path(), offset(), eventIndex, e);
    }
    if (e instanceof JsonParseException) {
      JsonParseException pe = (JsonParseException) e;
      long at = pe.getLocation() == null ? -1 : pe.getLocation().getByteOffset() - base;
      return new DecodeException("malformed JSON: " + kind(pe), path(),
          at >= 0 ? at : offset(), eventIndex, null);
    }
    return new DecodeException(fallback, path(), offset(), eventIndex, null);
  }

  /**
   * The kind of a parse error. Jackson types a limit (handled before) and some ends of input, and
   * reports the rest as one exception type whose only distinction is its message, so the rest is
   * read from the start of that message; {@code JsonInErrorKindsTest} pins every
   * kind on both parsers, so a Jackson upgrade that rewords one fails a test instead of quietly
   * giving "syntax error". The message itself is never shown: it may quote the input.
   */
  private static String kind(JsonParseException e) {
    if (e instanceof JsonEOFException) return "unexpected end of input";
    String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (m.startsWith("Unexpected end-of-input") || m.startsWith("Not enough content")) {
      return "unexpected end of input";
    }
    if (m.startsWith("Unexpected character") || m.startsWith("Illegal character")) {
      return "unexpected character";
    }
    if (m.startsWith("Unrecognized token")) return "unrecognized token";
    if (m.startsWith("Invalid UTF-8")) return "invalid UTF-8";
    if (m.startsWith("Illegal unquoted character")) return "unescaped control character in a string";
    if (m.startsWith("Unexpected close marker")) return "unbalanced brackets";
    if (m.contains("numeric") || m.contains("Leading zeroes") || m.contains("Non-standard token")) {
      return "invalid number";
    }
    return "syntax error";
  }

  /** The path of the current value, such as {@code choices[0].delta.tool_calls[1].index}. */
  public String path() {
    JsonStreamContext ctx = parser.getParsingContext();
    JsonToken t = parser.currentToken();
    // On '{' or '[' the parser is already inside the new container; the value is its parent's.
    if (t != null && t.isStructStart() && ctx != null) ctx = ctx.getParent();
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
