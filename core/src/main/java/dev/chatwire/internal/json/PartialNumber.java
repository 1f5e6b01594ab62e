package dev.chatwire.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The grammar of a JSON number, one character at a time: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?
 * ([eE][+-]?[0-9]+)?}. It says whether a character continues the number, ends it (the number
 * was complete before it) or makes it malformed; the number's text stays in the reader's buffer.
 */
public final class PartialNumber {
  /** The character continues the number. */
  public static final int TAKEN = 0;
  /** The number was complete; the character belongs to what follows. */
  public static final int ENDED = 1;
  /** The character cannot follow what was read. */
  public static final int MALFORMED = 2;

  private static final int START = 0;
  private static final int MINUS = 1;
  private static final int ZERO = 2;
  private static final int INT = 3;
  private static final int DOT = 4;
  private static final int FRACTION = 5;
  private static final int E = 6;
  private static final int E_SIGN = 7;
  private static final int EXPONENT = 8;

  private int state;
  private int length;
  private boolean decimal;

  /** Starts a new number. */
  public void reset() {
    state = START;
    length = 0;
    decimal = false;
  }

  /** How many characters the number has so far. */
  public int length() {
    return length;
  }

  /** Whether {@code c} continues, ends or breaks the number; see the constants. */
  public int accept(char c) {
    boolean digit = c >= '0' && c <= '9';
    int next;
    switch (state) {
      case START:
        next = c == '-' ? MINUS : c == '0' ? ZERO : digit ? INT : -1;
        break;
      case MINUS:
        next = c == '0' ? ZERO : digit ? INT : -1;
        break;
      case ZERO:
        if (digit) return MALFORMED; // no leading zeros
        next = c == '.' ? DOT : c == 'e' || c == 'E' ? E : -2;
        break;
      case INT:
        next = digit ? INT : c == '.' ? DOT : c == 'e' || c == 'E' ? E : -2;
        break;
      case DOT:
        next = digit ? FRACTION : -1;
        break;
      case FRACTION:
        next = digit ? FRACTION : c == 'e' || c == 'E' ? E : -2;
        break;
      case E:
        next = c == '+' || c == '-' ? E_SIGN : digit ? EXPONENT : -1;
        break;
      case E_SIGN:
        next = digit ? EXPONENT : -1;
        break;
      default: // EXPONENT
        next = digit ? EXPONENT : -2;
    }
    if (next == -1) return MALFORMED;
    if (next == -2) return isEnd(c) ? ENDED : MALFORMED;
    if (next == DOT || next == E) decimal = true;
    state = next;
    length++;
    return TAKEN;
  }

  /**
   * The complete number in {@code text[from, to)}: a {@code Long}, a {@code BigInteger} beyond
   * {@code long}, or a {@code BigDecimal} when it has a fraction or an exponent.
   */
  public Number value(char[] text, int from, int to) {
    String s = new String(text, from, to - from);
    if (decimal) return new BigDecimal(s);
    if (to - from <= 18) return Long.parseLong(s);
    BigInteger big = new BigInteger(s);
    return big.bitLength() < 64 ? (Number) big.longValue() : big;
  }

  private static boolean isEnd(char c) {
    return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }
}
