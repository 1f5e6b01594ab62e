package dev.chatwire.internal.json;

/**
 * Makes text writable as UTF-8: a lone surrogate (read from a {@code \ud800} escape, or set by a
 * caller) becomes U+FFFD, as an invalid byte sequence does in the SSE decoder, instead of making
 * Jackson's generator fail in the middle of a document.
 */
final class Utf16 {
  private Utf16() {}

  /** {@code s} itself when it has no lone surrogate, else a copy with each replaced by U+FFFD. */
  static String wellFormed(String s) {
    int bad = firstLone(s);
    if (bad < 0) return s;
    StringBuilder sb = new StringBuilder(s.length()).append(s, 0, bad);
    for (int i = bad; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else {
        sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }

  private static int firstLone(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) continue;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      return i;
    }
    return -1;
  }
}
