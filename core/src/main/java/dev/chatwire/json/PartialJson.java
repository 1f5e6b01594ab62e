package dev.chatwire.json;

import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.PartialFrame;
import dev.chatwire.internal.json.PartialNumber;
import org.jspecify.annotations.Nullable;

/**
 * An incremental reader of one JSON value that arrives in pieces, such as the {@code arguments}
 * of a streamed tool call or a structured answer: it shows the value while it forms.
 *
 * <p>{@link #append} tokenizes only the characters it is given and keeps its state (the open
 * containers, the open string and its escape, the pending member name, the half-written number
 * or literal) between calls, so reading a document costs its length once however it is cut.
 * What has been read can be had at any time, each call building it anew (linear in what was
 * read):
 *
 * <ul>
 *   <li>{@link #closedText()}: a valid JSON text for what was read: an open string is closed at
 *       the cut (a dangling escape or half {@code \}{@code uXXXX} left out), open arrays and
 *       objects are closed, a half-written number or literal ({@code -}, {@code 1e}, {@code tru})
 *       and a member name without a value are left out; null before any value has started;
 *   <li>{@link #value()}: the same as plain Java: an object is a {@code LinkedHashMap<String,
 *       Object>} in member order (a repeated name: the last value wins), an array an {@code
 *       ArrayList<Object>}, a string a {@code String}, {@code true}/{@code false} a {@code
 *       Boolean}, JSON {@code null} Java {@code null}; an integer is a {@code Long}, or a {@code
 *       BigInteger} beyond the range of {@code long}; a number with a fraction or an exponent is
 *       a {@code BigDecimal} made from its text (exact; no digit is lost).
 * </ul>
 *
 * <p>A number is shown only once it is complete, that is once a character that cannot continue
 * it follows: a top-level number is complete only once whitespace follows it. {@link
 * #isComplete()} turns true once one whole value was read; after it only whitespace may come.
 *
 * <p>Input that is not the prefix of a valid JSON text (RFC 8259, no extensions: no comments,
 * no single quotes, no raw control characters in strings, no leading zeros) is a {@link
 * DecodeException} naming the problem, the JSON path, and the offset (the character offset in
 * the message; {@link DecodeException#getByteOffset()} counts UTF-8 bytes). It never echoes the
 * input. The characters before the bad one stay read; every later {@code append} throws again.
 * Limits: nesting at most {@value #MAX_DEPTH} deep, numbers at most 1000 characters, and an
 * exponent {@code BigDecimal} can hold (within about ±2<sup>31</sup>); a number past them is a
 * {@code DecodeException} too.
 *
 * <p><b>Threading:</b> not thread-safe; one reader per document, used from one thread at a
 * time. The values it returns are fresh copies that the caller owns.
 *
 * <pre>{@code
 * PartialJson args = new PartialJson();
 * for (String delta : deltasSoFar) args.append(delta);  // the text read ends in: "city": "Par
 * String json = args.closedText();                      // {"city": "Par"}
 * Map<?, ?> partial = (Map<?, ?>) args.value();         // {city=Par}
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val args = PartialJson()
 * deltas.forEach { args.append(it) }
 * val city = (args.value() as Map<*, *>?)?.get("city")
 * }</pre>
 */
public final class PartialJson {
  /** The deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 1000;

  private static final int VALUE = 0; // a value must come: at the start, after ':' or an array's ','
  private static final int ARRAY_FIRST = 1; // after '[': a value or ']'
  private static final int OBJECT_FIRST = 2; // after '{': a name or '}'
  private static final int NAME = 3; // after an object's ',': a name
  private static final int NAME_STRING = 4;
  private static final int COLON = 5;
  private static final int STRING = 6;
  private static final int NUMBER = 7;
  private static final int LITERAL = 8;
  private static final int AFTER_VALUE = 9; // ',' or the closer
  private static final int DONE = 10;

  private char[] text = new char[64];
  private int length;
  private int pos; // characters tokenized
  private int state = VALUE;
  private @Nullable PartialFrame[] stack = new PartialFrame[8];
  private int depth;
  private final StringBuilder string = new StringBuilder(); // the open string, decoded
  private int escape; // 0: none; 1: after '\'; 2..5: after backslash-u and escape - 2 hex digits
  private int escapeStart;
  private int unicode;
  private final PartialNumber number = new PartialNumber();
  private String literal = "";
  private int literalAt;
  private @Nullable Object literalValue;
  private @Nullable Object root;
  private boolean hasRoot;
  private @Nullable DecodeException failure;

  /** Creates a reader that has read nothing. */
  public PartialJson() {}

  /**
   * Reads the next piece of the document; only these characters are tokenized.
   *
   * @throws DecodeException when the text read so far is not the prefix of one JSON value
   */
  public void append(CharSequence delta) {
    DecodeException failed = failure;
    if (failed != null) throw failed;
    int n = delta.length();
    if (length + n > text.length) grow(length + n);
    if (delta instanceof String) {
      ((String) delta).getChars(0, n, text, length);
    } else {
      for (int k = 0; k < n; k++) text[length + k] = delta.charAt(k);
    }
    length += n;
    try {
      scan();
    } catch (DecodeException e) {
      failure = e;
      throw e;
    }
  }

  /** How many characters were appended. */
  public int length() {
    return length;
  }

  /** True once one whole JSON value was read. */
  public boolean isComplete() {
    return state == DONE;
  }

  /**
   * A valid JSON text for what was read so far (see the class description), or null when no
   * value has started (or only a half-written top-level number or literal was read).
   */
  public @Nullable String closedText() {
    if (depth == 0) {
      if (state == DONE) return new String(text, 0, pos);
      if (state != STRING) return null;
      return new StringBuilder(pos + 1).append(text, 0, stringCut()).append('"').toString();
    }
    boolean inString = state == STRING;
    int cut = inString ? stringCut() : stack[depth - 1].goodEnd;
    StringBuilder sb = new StringBuilder(cut + depth + 1).append(text, 0, cut);
    if (inString) sb.append('"');
    for (int k = depth - 1; k >= 0; k--) sb.append(stack[k].object ? '}' : ']');
    return sb.toString();
  }

  /**
   * The value read so far as plain Java (see the class description): a new copy on each call,
   * the caller's to keep. Null before any value has started, and for the document {@code null}
   * ({@link #isComplete()} tells them apart).
   */
  public @Nullable Object value() {
    if (depth == 0) {
      if (state == STRING) return string.toString();
      return hasRoot ? PartialFrame.copy(root, null, new Object[1]) : null;
    }
    PartialFrame top = stack[depth - 1];
    Object[] openCopy = new Object[1];
    Object result = PartialFrame.copy(root, top.container, openCopy);
    if (state == STRING) top.add(openCopy[0], string.toString());
    return result;
  }

  private int stringCut() {
    return escape != 0 ? escapeStart : pos;
  }

  private void grow(int needed) {
    int size = Math.max(needed, text.length * 2);
    char[] bigger = new char[size];
    System.arraycopy(text, 0, bigger, 0, length);
    text = bigger;
  }

  private void scan() {
    final char[] t = text;
    final int end = length;
    int i = pos;
    while (i < end) {
      char c = t[i];
      switch (state) {
        case STRING:
        case NAME_STRING:
          i = scanString(t, i, end);
          break;
        case VALUE:
        case ARRAY_FIRST:
          if (isSpace(c)) {
            i++;
          } else if (c == ']' && state == ARRAY_FIRST) {
            i = close(i);
          } else {
            i = startValue(c, i);
          }
          break;
        case OBJECT_FIRST:
        case NAME:
          if (isSpace(c)) {
            i++;
          } else if (c == '"') {
            string.setLength(0);
            state = NAME_STRING;
            i++;
          } else if (c == '}' && state == OBJECT_FIRST) {
            i = close(i);
          } else {
            throw error(i, "expected a member name");
          }
          break;
        case COLON:
          if (isSpace(c)) {
            i++;
          } else if (c == ':') {
            state = VALUE;
            i++;
          } else {
            throw error(i, "expected ':'");
          }
          break;
        case NUMBER:
          i = scanNumber(t, i, end);
          break;
        case LITERAL:
          if (c != literal.charAt(literalAt)) throw error(i, "expected the literal " + literal);
          i++;
          if (++literalAt == literal.length()) completeValue(literalValue, i);
          break;
        case AFTER_VALUE:
          i = afterValue(c, i);
          break;
        default: // DONE
          if (!isSpace(c)) throw error(i, "only whitespace may follow the value");
          i++;
      }
      pos = i;
    }
    pos = i;
  }

  private int afterValue(char c, int i) {
    if (isSpace(c)) return i + 1;
    boolean object = stack[depth - 1].object;
    if (c == ',') {
      state = object ? NAME : VALUE;
      return i + 1;
    }
    if (c == (object ? '}' : ']')) return close(i);
    throw error(i, object ? "expected ',' or '}'" : "expected ',' or ']'");
  }

  private int startValue(char c, int i) {
    switch (c) {
      case '{':
      case '[':
        push(c == '{', i);
        state = c == '{' ? OBJECT_FIRST : ARRAY_FIRST;
        return i + 1;
      case '"':
        string.setLength(0);
        state = STRING;
        return i + 1;
      case 't':
        return startLiteral("true", Boolean.TRUE, i);
      case 'f':
        return startLiteral("false", Boolean.FALSE, i);
      case 'n':
        return startLiteral("null", null, i);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          number.reset();
          state = NUMBER;
          return i; // the number's own scan takes this character
        }
        throw error(i, "expected a value");
    }
  }

  private int startLiteral(String word, @Nullable Object value, int i) {
    literal = word;
    literalValue = value;
    literalAt = 1;
    state = LITERAL;
    return i + 1;
  }

  private int scanNumber(char[] t, int i, int end) {
    while (i < end) {
      int verdict = number.accept(t[i]);
      if (verdict == PartialNumber.TAKEN) {
        if (number.length() > 1000) throw error(i, "a number longer than 1000 characters");
        i++;
      } else if (verdict == PartialNumber.ENDED) {
        Number value;
        try {
          value = number.value(t, i - number.length(), i);
        } catch (NumberFormatException e) { // an exponent beyond what BigDecimal holds
          throw error(i - number.length(), "a number out of range");
        }
        completeValue(value, i);
        return i; // the character after the number is read in the next state
      } else {
        throw error(i, "malformed number");
      }
    }
    return i;
  }

  private int scanString(char[] t, int i, int end) {
    int run = i;
    while (i < end) {
      char c = t[i];
      if (escape != 0) {
        i = escapeChar(c, i);
        run = i;
        continue;
      }
      if (c == '"') {
        string.append(t, run, i - run);
        endString(i + 1);
        return i + 1;
      }
      if (c == '\\') {
        string.append(t, run, i - run);
        escape = 1;
        escapeStart = i;
        i++;
        run = i;
        continue;
      }
      if (c < 0x20) {
        string.append(t, run, i - run);
        throw error(i, "a control character in a string must be escaped");
      }
      i++;
    }
    string.append(t, run, i - run);
    return i;
  }

  private int escapeChar(char c, int i) {
    if (escape == 1) {
      char out;
      switch (c) {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        case 'u':
          escape = 2;
          unicode = 0;
          return i + 1;
        default:
          throw error(i, "unknown escape in a string");
      }
      string.append(out);
      escape = 0;
      return i + 1;
    }
    int digit = Character.digit(c, 16);
    if (digit < 0 || c > 'f') throw error(i, "expected a hex digit in a \\u escape");
    unicode = unicode * 16 + digit;
    if (++escape == 6) {
      string.append((char) unicode);
      escape = 0;
    }
    return i + 1;
  }

  private void endString(int end) {
    if (state == NAME_STRING) {
      stack[depth - 1].name = string.toString();
      state = COLON;
    } else {
      completeValue(string.toString(), end);
    }
  }

  private void completeValue(@Nullable Object value, int end) {
    if (depth == 0) {
      root = value;
      hasRoot = true;
      state = DONE;
      return;
    }
    PartialFrame top = stack[depth - 1];
    top.add(top.container, value);
    top.name = null;
    top.goodEnd = end;
    state = AFTER_VALUE;
  }

  private void push(boolean object, int i) {
    if (depth == MAX_DEPTH) throw error(i, "nesting deeper than " + MAX_DEPTH);
    PartialFrame frame = new PartialFrame(object, i + 1);
    if (depth == 0) {
      root = frame.container;
      hasRoot = true;
    } else {
      PartialFrame parent = stack[depth - 1];
      parent.add(parent.container, frame.container);
    }
    if (depth == stack.length) {
      PartialFrame[] bigger = new PartialFrame[depth * 2];
      System.arraycopy(stack, 0, bigger, 0, depth);
      stack = bigger;
    }
    stack[depth++] = frame;
  }

  private int close(int i) {
    stack[--depth] = null;
    if (depth == 0) {
      state = DONE;
    } else {
      PartialFrame parent = stack[depth - 1];
      parent.name = null;
      parent.goodEnd = i + 1;
      state = AFTER_VALUE;
    }
    return i + 1;
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /** The failure at {@code at}; what came before it stays read, as the state already holds it. */
  private DecodeException error(int at, String problem) {
    pos = at;
    long bytes = 0;
    for (int k = 0; k < at; k++) {
      char c = text[k];
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3; // a pair: 4
    }
    return new DecodeException(
        problem + " (character " + at + ")", PartialFrame.path(stack, depth), bytes, -1, null);
  }
}
