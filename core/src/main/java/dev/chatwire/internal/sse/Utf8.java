package dev.chatwire.internal.sse;

/**
 * UTF-8 validation and repair on byte ranges, following the WHATWG Encoding Standard's UTF-8
 * decoder: each maximal subpart of an ill-formed sequence becomes one U+FFFD (EF BF BD), and a
 * byte that cannot continue the sequence is not swallowed but starts the next one.
 *
 * <p>Ranges given here are complete: a sequence cut short by the end of the range is ill-formed.
 * The event-stream parser only calls these on whole lines, where that is true, because every line
 * ends with CR or LF and neither can be part of a multi-byte sequence.
 */
public final class Utf8 {
  /** The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER. */
  static final byte R0 = (byte) 0xEF;

  static final byte R1 = (byte) 0xBF;
  static final byte R2 = (byte) 0xBD;

  private Utf8() {}

  /** Returns the index of the first ill-formed sequence in {@code a[from, to)}, or -1 if none. */
  public static int findInvalid(byte[] a, int from, int to) {
    int i = from;
    while (i < to) {
      if (a[i] >= 0) {
        i++;
        continue;
      }
      int n = sequence(a, i, to);
      if (n < 0) return i;
      i += n;
    }
    return -1;
  }

  /**
   * Copies {@code a[from, to)} into {@code out} from {@code outPos}, replacing each maximal
   * subpart of an ill-formed sequence with EF BF BD. {@code out} must have room for three times
   * the input length. Returns the position after the last byte written.
   */
  public static int repair(byte[] a, int from, int to, byte[] out, int outPos) {
    int o = outPos;
    int i = from;
    while (i < to) {
      byte c = a[i];
      if (c >= 0) {
        out[o++] = c;
        i++;
        continue;
      }
      int n = sequence(a, i, to);
      if (n > 0) {
        System.arraycopy(a, i, out, o, n);
        o += n;
        i += n;
      } else {
        out[o++] = R0;
        out[o++] = R1;
        out[o++] = R2;
        i -= n;
      }
    }
    return o;
  }

  /**
   * Examines the sequence whose lead byte (not ASCII) is at {@code a[i]}: returns its length when
   * well-formed, or minus the length of its maximal subpart (at least 1) when not.
   */
  public static int sequence(byte[] a, int i, int to) {
    int lead = a[i] & 0xFF;
    int need;
    int lower = 0x80;
    int upper = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      need = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      need = 2;
      if (lead == 0xE0) lower = 0xA0; // overlong
      if (lead == 0xED) upper = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      need = 3;
      if (lead == 0xF0) lower = 0x90; // overlong
      if (lead == 0xF4) upper = 0x8F; // beyond U+10FFFF
    } else {
      return -1; // continuation byte, C0, C1 or F5..FF
    }
    int j = i + 1;
    for (int k = 0; k < need; k++, j++) {
      if (j >= to) return -(j - i);
      int c = a[j] & 0xFF;
      if (c < lower || c > upper) return -(j - i);
      lower = 0x80;
      upper = 0xBF;
    }
    return need + 1;
  }
}
