package dev.chatwire.internal.json;

import dev.chatwire.internal.ModelAccess;
import dev.chatwire.internal.OneRawExtra;
import dev.chatwire.internal.SmallList;
import dev.chatwire.internal.WordView;
import dev.chatwire.internal.sse.Utf8;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.Role;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads, by hand and without a parser, the members that follow a chunk's repeated head when they
 * have the shape nearly every content chunk has: {@code choices} holding objects of {@code
 * index}, a {@code delta} of text members ({@code content}, {@code role}, {@code refusal}, {@code
 * reasoning_content}, {@code reasoning}) and null {@code logprobs}, {@code finish_reason} or
 * {@code stop_reason}; {@code usage} null; at most one other member whose value is a string
 * (OpenAI's {@code obfuscation}), kept as its bytes.
 *
 * <p>It accepts only a strict subset of what the parser accepts, and builds what the parser's
 * read builds from it. Anything else (another member or value, a repeated member, a name with an
 * escape, ill-formed UTF-8, a control character, an escape it does not know, a number that is not
 * a small non-negative integer, anything after the closing brace) makes {@link #read} give up
 * with null, and the chunk is then read by the parser, which also reports any error. Not
 * thread-safe: one per stream.
 */
final class ChunkTail {
  private static final byte[] CHOICES = ascii("choices");
  private static final byte[] USAGE = ascii("usage");
  private static final byte[] INDEX = ascii("index");
  private static final byte[] DELTA = ascii("delta");
  private static final byte[] LOGPROBS = ascii("logprobs");
  private static final byte[] FINISH_REASON = ascii("finish_reason");
  private static final byte[] STOP_REASON = ascii("stop_reason");
  private static final byte[] CONTENT = ascii("content");
  private static final byte[] ROLE = ascii("role");
  private static final byte[] REFUSAL = ascii("refusal");
  private static final byte[] REASONING_CONTENT = ascii("reasoning_content");
  private static final byte[] REASONING = ascii("reasoning");
  private static final String OBFUSCATION = OneRawExtra.PADDING;
  private static final byte[] OBFUSCATION_BYTES = ascii(OBFUSCATION);
  // The names as servers write them, colon and all, compared eight bytes at a time before a name
  // is scanned and compared on its own (which was a quarter of a content chunk's read); each list
  // in the order the members are most likely to come.
  private static final Key[] CHUNK_KEYS = keys(CHOICES, USAGE, OBFUSCATION_BYTES);
  private static final Key[] CHOICE_KEYS = keys(INDEX, DELTA, LOGPROBS, FINISH_REASON);
  private static final Key[] DELTA_KEYS = keys(CONTENT); // the role comes once a stream
  /** Longer strings are left to the parser, whose limits then apply. */
  private static final int MAX_STRING_BYTES = 1 << 20;
  /** Longer names are left to the parser. */
  private static final int MAX_NAME_BYTES = 128;
  // What a string value was read as: a value, JSON null, or given up on.
  private static final String NULL = new String("null");

  private final ModelAccess access = ModelAccess.get();
  private static final byte[] NO_BYTES = new byte[0];
  private static final char[] NO_CHARS = new char[0];
  // The event being read, only during a read.
  private byte[] b = NO_BYTES;
  private ByteBuffer w = WordView.NONE; // b's word view
  private int i;
  private int end;
  // For strings with escapes or text beyond ASCII; made on the first, dropped by release().
  private char[] chars = NO_CHARS;
  // The last unknown member's name, reused while the next ones are the same.
  private @Nullable String extraName;
  // This read's unknown member.
  private @Nullable String readExtraName;
  private byte @Nullable [] readExtraRaw;
  private final WordView words;

  ChunkTail(WordView words) {
    this.words = words;
  }

  /**
   * The choices of the members in {@code buf[from, to)}, which start with a member name and end
   * with the chunk's closing brace; null to give up. {@link #extras()} then has the rest.
   */
  @Nullable List<ChunkChoice> read(byte[] buf, int from, int to) {
    b = buf;
    w = words.of(buf);
    try {
      return members(from, to);
    } finally {
      b = NO_BYTES; // the event's buffer is not ours to keep
      w = WordView.NONE;
    }
  }

  /** Drops the buffer kept for decoding strings (a stream that trickles keeps nothing between). */
  void release() {
    chars = NO_CHARS;
  }

  private @Nullable List<ChunkChoice> members(int from, int to) {
    i = from;
    end = to;
    readExtraName = null;
    readExtraRaw = null;
    List<ChunkChoice> choices = SmallList.of();
    boolean sawChoices = false;
    boolean sawUsage = false;
    while (true) {
      int nameFrom = i + 1;
      int nameTo = -1;
      int key = key(CHUNK_KEYS); // choices 0, usage 1, obfuscation 2
      if (key < 0) {
        nameTo = name();
        if (nameTo < 0) return null;
        key = equals(nameFrom, nameTo, CHOICES) ? 0 : equals(nameFrom, nameTo, USAGE) ? 1 : -1;
      }
      if (key == 0) {
        if (sawChoices) return null;
        sawChoices = true;
        choices = choices();
        if (choices == null) return null;
      } else if (key == 1) {
        if (sawUsage || !nullLiteral()) return null;
        sawUsage = true;
      } else {
        // A head member repeated after the head: the parser's read lets it win in this chunk.
        if (readExtraName != null || (key < 0 && RepeatedHead.isHeadName(b, nameFrom, nameTo))) {
          return null;
        }
        String name = key == 2 ? OBFUSCATION : extraName(nameFrom, nameTo);
        int valueFrom = i;
        if (!skipString()) return null;
        readExtraName = name;
        readExtraRaw = java.util.Arrays.copyOfRange(b, valueFrom, i);
      }
      int next = nextMember();
      if (next < 0) return null;
      if (next == 0) break;
    }
    skipSpace();
    return i == end ? choices : null;
  }

  /**
   * The raw value of the last successful read's one unknown member when that is OpenAI's
   * padding, else null (then {@link #extras()} has them).
   */
  byte @Nullable [] padding() {
    return readExtraName == OBFUSCATION ? readExtraRaw : null;
  }

  /** The unknown members of the last successful read. */
  Map<String, String> extras() {
    String name = readExtraName;
    byte[] raw = readExtraRaw;
    return name == null || raw == null ? Collections.emptyMap() : new OneRawExtra(name, raw);
  }

  private @Nullable List<ChunkChoice> choices() {
    if (i >= end || b[i] != '[') return null;
    i++;
    skipSpace();
    if (i < end && b[i] == ']') {
      i++;
      return SmallList.of();
    }
    ChunkChoice first = choice();
    if (first == null) return null;
    int c = afterValue();
    if (c == ']') return SmallList.of(first);
    List<ChunkChoice> list = new ArrayList<>();
    list.add(first);
    while (c == ',') {
      skipSpace();
      ChunkChoice next = choice();
      if (next == null) return null;
      list.add(next);
      c = afterValue();
    }
    return c == ']' ? SmallList.copyOf(list) : null;
  }

  private @Nullable ChunkChoice choice() {
    if (i >= end || b[i] != '{') return null;
    i++;
    skipSpace();
    int index = 0;
    Delta delta = null;
    int seen = 0;
    while (true) {
      int key = key(CHOICE_KEYS);
      int member = key < 0 ? 0 : 1 << key; // index 1, delta 2, logprobs 4, finish_reason 8
      if (member == 0) {
        int nameFrom = i + 1;
        int nameTo = name();
        if (nameTo < 0) return null;
        member = equals(nameFrom, nameTo, INDEX) ? 1 : equals(nameFrom, nameTo, DELTA) ? 2
            : equals(nameFrom, nameTo, LOGPROBS) ? 4 : equals(nameFrom, nameTo, FINISH_REASON) ? 8
            : equals(nameFrom, nameTo, STOP_REASON) ? 16 : 0;
      }
      if (member == 1) {
        index = smallInt();
        if (index < 0) return null;
      } else if (member == 2) {
        delta = delta();
        if (delta == null) return null;
      } else if (member != 0) { // logprobs, finish_reason, stop_reason
        if (!nullLiteral()) return null;
      } else {
        return null;
      }
      if ((seen & member) != 0) return null;
      seen |= member;
      int next = nextMember();
      if (next < 0) return null;
      if (next == 0) break;
    }
    return access.chunkChoice(index, delta, null, null, null, Collections.emptyMap());
  }

  private @Nullable Delta delta() {
    if (i >= end || b[i] != '{') return null;
    i++;
    skipSpace();
    Role role = null;
    String content = null;
    String refusal = null;
    String reasoningContent = null;
    String reasoning = null;
    if (i < end && b[i] == '}') {
      i++;
    } else {
      int seen = 0;
      while (true) {
        int member = key(DELTA_KEYS) == 0 ? 1 : 0;
        if (member == 0) {
          int nameFrom = i + 1;
          int nameTo = name();
          if (nameTo < 0) return null;
          member = equals(nameFrom, nameTo, CONTENT) ? 1 : equals(nameFrom, nameTo, ROLE) ? 2
              : equals(nameFrom, nameTo, REFUSAL) ? 4
              : equals(nameFrom, nameTo, REASONING_CONTENT) ? 8
              : equals(nameFrom, nameTo, REASONING) ? 16 : 0;
          if (member == 0) return null;
        }
        String value = stringOrNull();
        if (value == null) return null;
        String text = value == NULL ? null : value;
        if (member == 1) {
          content = text;
        } else if (member == 2) {
          role = text == null ? null : Role.of(text);
        } else if (member == 4) {
          refusal = text;
        } else if (member == 8) {
          reasoningContent = text;
        } else {
          reasoning = text;
        }
        if ((seen & member) != 0) return null;
        seen |= member;
        int next = nextMember();
        if (next < 0) return null;
        if (next == 0) break;
      }
    }
    return access.delta(role, content, refusal, Collections.emptyList(), null, null,
        reasoningContent, reasoning, Collections.emptyMap());
  }

  // At a member name's opening quote: moves past the colon after it and the space after that, and
  // returns where the name ends (its closing quote); -1 to give up.
  private int name() {
    if (i >= end || b[i] != '"') return -1;
    int from = i + 1;
    int j = from;
    int limit = Math.min(end, from + MAX_NAME_BYTES);
    while (j < limit) {
      byte c = b[j];
      if (c == '"') break;
      if (c == '\\' || c < 0x20) return -1; // also every non-ASCII byte (negative)
      j++;
    }
    if (j >= limit) return -1;
    i = j + 1;
    skipSpace();
    if (i >= end || b[i] != ':') return -1;
    i++;
    skipSpace();
    return j;
  }

  // The name in b[from, to), without a new String when it is OpenAI's padding or the last one.
  private String extraName(int from, int to) {
    if (equals(from, to, OBFUSCATION_BYTES)) return OBFUSCATION;
    String last = extraName;
    if (last != null && last.length() == to - from) {
      int k = 0;
      while (k < last.length() && last.charAt(k) == b[from + k]) k++;
      if (k == last.length()) return last;
    }
    return extraName = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  // After a member's value: 1 when another member follows (then at its name), 0 when the object
  // ends (then after its brace), -1 for anything else.
  private int nextMember() {
    int c = afterValue();
    if (c == '}') return 0;
    if (c != ',') return -1;
    skipSpace();
    return 1;
  }

  // Past the value just read and the space after it: the next byte, consumed; -1 at the end.
  private int afterValue() {
    skipSpace();
    return i < end ? b[i++] : -1;
  }

  private boolean nullLiteral() {
    if (end - i < 4 || b[i] != 'n' || b[i + 1] != 'u' || b[i + 2] != 'l' || b[i + 3] != 'l') {
      return false;
    }
    i += 4;
    return endsToken();
  }

  // A non-negative integer of at most nine digits without leading zeros, else -1.
  private int smallInt() {
    int from = i;
    int v = 0;
    while (i < end && b[i] >= '0' && b[i] <= '9' && i - from < 9) {
      v = v * 10 + (b[i] - '0');
      i++;
    }
    int n = i - from;
    if (n == 0 || (n > 1 && b[from] == '0') || !endsToken()) return -1;
    return v;
  }

  // Whether the token just read ends here: a delimiter or white space follows.
  private boolean endsToken() {
    if (i >= end) return false;
    byte c = b[i];
    return c == ',' || c == '}' || c == ']' || isSpace(c);
  }

  // A string value, NULL for JSON null, or null to give up.
  private @Nullable String stringOrNull() {
    if (i < end && b[i] == 'n') return nullLiteral() ? NULL : null;
    if (i >= end || b[i] != '"') return null;
    int from = i + 1;
    int limit = Math.min(end, from + MAX_STRING_BYTES);
    int j = from;
    while (j < limit) {
      byte c = b[j];
      if (c == '"') break;
      if (c < 0x20 || c == '\\') return decodedString(); // also every non-ASCII byte (negative)
      j++;
    }
    if (j >= limit) return null;
    i = j + 1;
    return new String(b, from, j - from, StandardCharsets.ISO_8859_1);
  }

  // The string whose opening quote is at i, which holds an escape or a byte beyond ASCII: checked
  // in full first, then decoded by hand into a buffer kept for the stream (the JDK's UTF-8
  // decoding makes a throw-away array per string).
  private @Nullable String decodedString() {
    int from = i + 1;
    if (!skipString()) return null;
    int to = i - 1; // its closing quote
    char[] out = to - from <= 4096 ? chars : new char[to - from];
    if (out.length < to - from) out = chars = new char[Math.max(256, to - from)];
    int n = 0;
    int j = from;
    while (j < to) {
      int c = b[j];
      if (c == '\\') {
        byte e = b[j + 1];
        j += 2;
        switch (e) {
          case 'b': out[n++] = '\b'; break;
          case 'f': out[n++] = '\f'; break;
          case 'n': out[n++] = '\n'; break;
          case 'r': out[n++] = '\r'; break;
          case 't': out[n++] = '\t'; break;
          case 'u':
            out[n++] = (char) (hex(b[j]) << 12 | hex(b[j + 1]) << 8 | hex(b[j + 2]) << 4
                | hex(b[j + 3]));
            j += 4;
            break;
          default: // '"', '\\' and '/' stand for themselves
            out[n++] = (char) e;
        }
      } else if (c >= 0) {
        out[n++] = (char) c;
        j++;
      } else {
        int len = Utf8.sequence(b, j, to);
        int cp = decode(j, len);
        if (len == 4) {
          out[n++] = Character.highSurrogate(cp);
          out[n++] = Character.lowSurrogate(cp);
        } else {
          out[n++] = (char) cp;
        }
        j += len;
      }
    }
    return new String(out, 0, n);
  }

  // Past a string value, checked as {@link #stringOrNull} checks it, without decoding it.
  private boolean skipString() {
    if (i >= end || b[i] != '"') return false;
    int limit = Math.min(end, i + 1 + MAX_STRING_BYTES);
    int j = i + 1;
    while (true) {
      if (j >= limit) return false;
      int c = b[j];
      if (c == '"') break;
      if (c == '\\') {
        if (j + 1 >= limit) return false;
        byte e = b[j + 1];
        j += 2;
        if (e == 'u') {
          if (j + 4 > limit) return false;
          for (int k = 0; k < 4; k++) {
            if (hex(b[j + k]) < 0) return false;
          }
          j += 4;
        } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n'
            && e != 'r' && e != 't') {
          return false;
        }
      } else if (c >= 0) {
        if (c < 0x20) return false;
        j++;
      } else {
        int len = Utf8.sequence(b, j, limit);
        if (len < 0) return false;
        j += len;
      }
    }
    i = j + 1;
    return true;
  }

  // The code point of the well-formed sequence of len bytes at j.
  private int decode(int j, int len) {
    int cp = b[j] & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (int k = 1; k < len; k++) cp = (cp << 6) | (b[j + k] & 0x3F);
    return cp;
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // At a member name's opening quote: the place in keys of the key there, now past its colon and
  // the space after it; -1, with nothing moved, when none is there as written (a name with space
  // before its colon is left to name()).
  private int key(Key[] keys) {
    if (end - i < 8) return -1;
    long first = w.getLong(i);
    for (int k = 0; k < keys.length; k++) {
      Key key = keys[k];
      if (first == key.first && end - i >= key.length
          && (key.length == 8 || w.getLong(i + key.length - 8) == key.last)) {
        i += key.length;
        skipSpace();
        return k;
      }
    }
    return -1;
  }

  private static Key[] keys(byte[]... names) {
    Key[] keys = new Key[names.length];
    for (int k = 0; k < names.length; k++) keys[k] = new Key(names[k]);
    return keys;
  }

  /**
   * A member name in quotes and its colon, eight to sixteen bytes long, as two native-order words:
   * its first eight bytes and its last eight.
   */
  private static final class Key {
    final int length;
    final long first;
    final long last;

    Key(byte[] name) {
      byte[] bytes = new byte[name.length + 3];
      bytes[0] = '"';
      System.arraycopy(name, 0, bytes, 1, name.length);
      bytes[name.length + 1] = '"';
      bytes[name.length + 2] = ':';
      if (bytes.length < 8 || bytes.length > 16) {
        throw new IllegalArgumentException("a key of " + bytes.length + " bytes");
      }
      length = bytes.length;
      ByteBuffer v = WordView.fresh(bytes);
      first = v.getLong(0);
      last = v.getLong(length - 8);
    }
  }

  private void skipSpace() {
    while (i < end && isSpace(b[i])) i++;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  private boolean equals(int from, int to, byte[] name) {
    if (to - from != name.length) return false;
    for (int k = 0; k < name.length; k++) {
      if (b[from + k] != name[k]) return false;
    }
    return true;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
