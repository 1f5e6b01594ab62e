package dev.chatwire.internal.json;

import dev.chatwire.internal.WordView;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The leading members that a stream repeats byte for byte on every chunk: OpenAI-compatible
 * servers start each chunk with the same {@code id}, {@code object}, {@code created}, {@code
 * model}, {@code service_tier} and {@code system_fingerprint}. After a chunk was read in full,
 * the bytes of those members (up to the first other member) are kept; a next chunk that starts
 * with exactly these bytes can take their values from the last read instead of tokenizing them
 * again. Any difference, even one byte, means a full read.
 *
 * <p>The scan here only finds member boundaries in a document the parser has already accepted
 * whole; it decides nothing about validity. Names with escapes and values that are objects or
 * arrays end the head. The head is kept, and compared, eight bytes at a time (a byte at a time
 * the comparison was the largest single cost of a content chunk's read). Not thread-safe: one
 * per stream.
 */
final class RepeatedHead {
  private static final byte[][] NAMES = names(
      "id", "object", "created", "model", "service_tier", "system_fingerprint");

  private static final long[] NO_WORDS = new long[0];

  private int length;
  /**
   * The kept bytes as native-order words: one at every eighth byte, then the eight bytes that end
   * the head (which overlap the one before unless the length is a multiple of eight). Only the
   * words are kept, not the bytes as well: a stream in flight keeps as little as it can.
   */
  private long[] words = NO_WORDS;
  /** Views of the arrays compared. */
  private final WordView views;

  RepeatedHead(WordView views) {
    this.views = views;
  }

  /** True when a member name of the head. */
  static boolean isHeadName(String name) {
    switch (name) {
      case "id":
      case "object":
      case "created":
      case "model":
      case "service_tier":
      case "system_fingerprint":
        return true;
      default:
        return false;
    }
  }

  /** The number of bytes kept; 0 when none. */
  int length() {
    return length;
  }

  /** True when {@code buf[off, off+len)} starts with the kept head and has more after it. */
  boolean startsWithHead(byte[] buf, int off, int len) {
    int n = length;
    if (n == 0 || len <= n) return false;
    ByteBuffer v = views.of(buf);
    long[] w = words;
    // From the end: ids and timestamps differ late in the head more often than early.
    int last = w.length - 1;
    if (v.getLong(off + n - 8) != w[last]) return false;
    for (int k = last - 1; k >= 0; k--) {
      if (v.getLong(off + (k << 3)) != w[k]) return false;
    }
    return true;
  }

  /**
   * Keeps the bytes of the first {@code members} members of the document in {@code buf[off,
   * off+len)}, which was just read in full and whose first {@code members} members are head
   * members, through the comma and white space after them; keeps nothing when they cannot be
   * delimited that way.
   */
  void keep(byte[] buf, int off, int len, int members) {
    length = 0;
    int end = members > 0 ? scan(buf, off, off + len, members) : -1;
    if (end < 8) return; // none, or too short to be worth it (no real head is)
    int whole = end >> 3;
    if (words.length != whole + 1) words = new long[whole + 1];
    ByteBuffer v = views.of(buf);
    for (int k = 0; k < whole; k++) words[k] = v.getLong(off + (k << 3));
    words[whole] = v.getLong(off + end - 8);
    length = end;
  }

  /** Forgets the kept head: the next chunk is read in full. */
  void forget() {
    length = 0;
  }

  // The length of the prefix holding exactly `members` head members, each followed by a comma,
  // with a member name after them; or -1.
  private static int scan(byte[] b, int off, int end, int members) {
    int i = skipSpace(b, off, end);
    if (i >= end || b[i] != '{') return -1;
    i = skipSpace(b, i + 1, end);
    for (int m = 0; m < members; m++) {
      if (i >= end || b[i] != '"') return -1;
      int nameEnd = i + 1;
      while (nameEnd < end && b[nameEnd] != '"' && b[nameEnd] != '\\') nameEnd++;
      if (nameEnd >= end || b[nameEnd] != '"' || !isHeadName(b, i + 1, nameEnd)) return -1;
      i = skipSpace(b, nameEnd + 1, end);
      if (i >= end || b[i] != ':') return -1;
      i = skipScalar(b, skipSpace(b, i + 1, end), end);
      if (i < 0) return -1;
      i = skipSpace(b, i, end);
      if (i >= end || b[i] != ',') return -1;
      i = skipSpace(b, i + 1, end);
    }
    return i < end && b[i] == '"' ? i - off : -1;
  }

  /** True when {@code b[from, to)} is the name of a head member, in ASCII. */
  static boolean isHeadName(byte[] b, int from, int to) {
    for (byte[] name : NAMES) {
      if (name.length != to - from) continue;
      int i = 0;
      while (i < name.length && name[i] == b[from + i]) i++;
      if (i == name.length) return true;
    }
    return false;
  }

  // The end of the string, number or literal at i; -1 for an object, an array or no value.
  private static int skipScalar(byte[] b, int i, int end) {
    if (i >= end) return -1;
    if (b[i] == '"') {
      for (int j = i + 1; j < end; j++) {
        if (b[j] == '\\') j++;
        else if (b[j] == '"') return j + 1;
      }
      return -1;
    }
    int j = i;
    while (j < end && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != '{' && b[j] != '['
        && !isSpace(b[j])) {
      j++;
    }
    return j > i && (j >= end || (b[j] != '{' && b[j] != '[')) ? j : -1;
  }

  private static int skipSpace(byte[] b, int i, int end) {
    while (i < end && isSpace(b[i])) i++;
    return i;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private static byte[][] names(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
    return out;
  }
}
