package dev.chatwire.internal.stream;

/**
 * Reads the shape of a raw JSON value (the exact source text the codec keeps for unknown members)
 * without parsing it: its kind, and the body of a string or an array, so fragments can be joined.
 * A JSON string's escapes are complete within it, so the bodies of two strings join into one
 * valid string.
 */
final class RawJson {
  static final char NULL = 'n';
  static final char STRING = '"';
  static final char ARRAY = '[';
  static final char OBJECT = '{';
  static final char OTHER = '0';

  private RawJson() {}

  /** The kind of a raw value: one of the constants, {@link #OTHER} for numbers and booleans. */
  static char kind(String raw) {
    int i = skipSpace(raw, 0);
    if (i == raw.length()) return NULL;
    char c = raw.charAt(i);
    switch (c) {
      case 'n':
      case STRING:
      case ARRAY:
      case OBJECT:
        return c;
      default:
        return OTHER;
    }
  }

  /** What is between the brackets of an array, trimmed; empty for an empty array. */
  static String arrayBody(String raw) {
    int start = raw.indexOf('[');
    int end = raw.lastIndexOf(']');
    if (start < 0 || end <= start) return raw.trim();
    return raw.substring(start + 1, end).trim();
  }

  /** What is between the quotes of a string, escapes untouched. */
  static String stringBody(String raw) {
    int start = raw.indexOf('"');
    int end = raw.lastIndexOf('"');
    if (start < 0 || end <= start) return "";
    return raw.substring(start + 1, end);
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && s.charAt(i) <= ' ') i++;
    return i;
  }
}
