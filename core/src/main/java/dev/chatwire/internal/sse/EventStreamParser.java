package dev.chatwire.internal.sse;

import dev.chatwire.internal.WordView;
import dev.chatwire.sse.EventTooLargeException;
import dev.chatwire.sse.SseListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The WHATWG "interpreting an event stream" algorithm as a push-driven state machine over bytes.
 *
 * <p>The state names what the next byte means; every state handler consumes as many bytes as it
 * can in one tight loop and returns the index of the first byte it did not consume, so a feed that
 * ends anywhere (inside the BOM, a field name, a CRLF pair or a UTF-8 sequence) simply resumes in
 * the same state on the next feed. Each input byte is scanned once for line ends, data lines and
 * comments eight bytes at a time; only data lines and the values of {@code event} and {@code id}
 * lines are copied. Comments, unknown fields, ignored ids and {@code retry} values stream by
 * without being buffered.
 *
 * <p>UTF-8 is checked per line: a line whose bytes are all ASCII is passed on as is, any other line
 * is validated once at its end, when it is complete (a data line from its first word with a
 * non-ASCII byte), and only an ill-formed line is rewritten. Splitting lines on raw bytes is
 * equivalent to decoding first, because CR, LF and ':' are ASCII and never part of a multi-byte
 * sequence, and a byte that cannot continue a sequence is never swallowed by it.
 */
public final class EventStreamParser {
  private static final int BOM = 0;
  private static final int LINE_START = 1;
  private static final int AFTER_CR = 2; // like LINE_START, but an LF completes the CRLF pair
  private static final int FIELD_NAME = 3;
  private static final int VALUE_START = 4; // after the colon: one optional space
  private static final int DATA_VALUE = 5;
  private static final int TEXT_VALUE = 6; // the value of an event or id line
  private static final int RETRY_VALUE = 7;
  private static final int SKIP_LINE = 8;
  private static final int ENDED = 9;
  private static final int FAILED = 10;

  private static final int UNKNOWN = 0;
  private static final int DATA = 1;
  private static final int EVENT = 2;
  private static final int ID = 3;
  private static final int RETRY = 4;

  // Eight bytes at a time: a word holds a CR or LF when (word ^ CRs) or (word ^ LFs) has a zero byte.
  private static final long LFS = 0x0A0A0A0A0A0A0A0AL;
  private static final long CRS = 0x0D0D0D0D0D0D0D0DL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long BELOW_14 = 0x0E0E0E0E0E0E0E0EL;
  private static final int WORD_SCAN_MIN = 16;

  private static final int RETAINED_CAPACITY = 64 * 1024;
  private static final String MESSAGE = "message";
  private static final byte[] EMPTY = new byte[0];
  /**
   * How many feeds in a row must end between events (none cutting one) before the decoder lets its
   * data array go: a fast stream's reads cut an event now and then, a slow stream's rarely.
   */
  public static final int KEEP_AFTER_CUT = 64;

  private final SseListener listener;
  private final int maxEventSize;

  private int state = BOM;
  private int bomMatched;
  private long consumed; // bytes fed before the current feed
  private long base; // stream offset of index 0 of the array being fed
  private @Nullable ByteBuffer words; // a view of the array being fed, for long reads
  // The view of the last array fed, kept (never read outside feed) so that a transport that reuses
  // its read buffer costs no allocation per feed; arrays above 1 MiB are not kept.
  private final WordView views = new WordView(1024 * 1024);
  private long eventIndex;

  private final byte[] name = new byte[5]; // longest known field name: "event", "retry"
  private int nameLen;
  private int field;
  private int lineHigh; // negative once the current event or id value has a non-ASCII byte
  private int highWordAt; // set by skipWordsWithoutLineEnd: the first word with a non-ASCII byte

  // Made when an event first needs copying: most come whole in one feed (see dataValue).
  private byte[] data = EMPTY;
  private int dataLen;
  private int feedsBetweenEvents; // feeds in a row that ended between events
  private int checkFrom; // where UTF-8 checking of the current data line starts; -1: all ASCII

  private byte[] value = EMPTY; // made when an event, id or retry line first comes
  private int valueLen;

  private long retry;
  private boolean retryDigits;

  private @Nullable String type; // the event type buffer; null when empty
  private byte[] typeBytes = EMPTY; // cache: the bytes of the last type String made
  private @Nullable String typeString;
  private String idBuffer = ""; // the last event ID buffer
  private byte[] idBytes = EMPTY; // cache: the bytes of the last id String made
  private @Nullable String idString;
  private String lastEventId = ""; // the last event ID string, set at every blank line

  public EventStreamParser(SseListener listener, int maxEventSize) {
    this.listener = listener;
    this.maxEventSize = maxEventSize;
  }

  public String lastEventId() {
    return lastEventId;
  }

  /** The bytes currently held in buffers; what the decoder retains between feeds. */
  public int bufferCapacity() {
    return data.length + value.length;
  }

  public void feed(byte[] b, int off, int len) {
    if (off < 0 || len < 0 || off > b.length - len) {
      throw new IndexOutOfBoundsException(
          "offset " + off + ", length " + len + ", array length " + b.length);
    }
    checkOpen();
    int end = off + len;
    base = consumed - off;
    words = len >= WORD_SCAN_MIN ? views.of(b) : null;
    try {
      int i = off;
      while (i < end) {
        switch (state) {
          case LINE_START:
            i = lineStart(b, i, end);
            break;
          case DATA_VALUE:
            i = dataValue(b, i, end);
            break;
          case AFTER_CR:
            if (b[i] == '\n') i++;
            state = LINE_START;
            break;
          case VALUE_START:
            if (b[i] == ' ') i++;
            startValue();
            break;
          case FIELD_NAME:
            i = fieldName(b, i, end);
            break;
          case TEXT_VALUE:
            i = textValue(b, i, end);
            break;
          case RETRY_VALUE:
            i = retryValue(b, i, end);
            break;
          case SKIP_LINE:
            i = skipLine(b, i, end);
            break;
          case BOM:
            i = bom(b, i);
            break;
          default:
            throw new IllegalStateException("state " + state);
        }
      }
    } catch (RuntimeException | Error e) {
      state = FAILED;
      throw e;
    } finally {
      words = null;
    }
    // Once KEEP_AFTER_CUT feeds in a row have ended between events, a feed that does leaves no
    // data array: one that an event cut by a read needed once would otherwise stay for a slow
    // stream's life (and one whose events are all copied, CRLF say, would hold it between them).
    // A fast stream's reads cut an event every few dozen (where a read ends, at 8 KiB say), and
    // would make the array again each time.
    if (dataLen > 0 || state != LINE_START) {
      feedsBetweenEvents = 0;
    } else {
      if (feedsBetweenEvents < KEEP_AFTER_CUT) feedsBetweenEvents++;
      if (feedsBetweenEvents == KEEP_AFTER_CUT) data = EMPTY;
    }
    consumed += len;
  }

  /** Whether data (or an event type) is held for an event whose blank line has not come. */
  public boolean isInsideEvent() {
    if (state == ENDED || state == FAILED) return false;
    return dataLen > 0 || type != null
        || field == DATA && (state == VALUE_START || state == DATA_VALUE);
  }

  /** The end of the stream: an event whose blank line never came is discarded. */
  public void end() {
    if (state == ENDED) return;
    checkOpen();
    state = ENDED;
    views.clear();
    dataLen = 0;
    valueLen = 0;
    type = null;
  }

  private void checkOpen() {
    if (state == ENDED) throw new IllegalStateException("the event stream has already ended");
    if (state == FAILED) throw new IllegalStateException("the decoder failed and takes no more input");
  }

  private int bom(byte[] b, int i) {
    if ((b[i] & 0xFF) == (bomMatched == 0 ? 0xEF : bomMatched == 1 ? 0xBB : 0xBF)) {
      if (++bomMatched == 3) state = LINE_START;
      return i + 1;
    }
    // Not a BOM. A partial match began a field name with a non-ASCII byte: an unknown field.
    state = bomMatched == 0 ? LINE_START : SKIP_LINE;
    return i;
  }

  private int lineStart(byte[] b, int i, int end) {
    byte c = b[i];
    if (c == '\n' || c == '\r') {
      dispatch();
      state = c == '\r' ? AFTER_CR : LINE_START;
      return i + 1;
    }
    if (c == ':') {
      state = SKIP_LINE;
      return i + 1;
    }
    if (c == 'd' && end - i > 5 && b[i + 1] == 'a' && b[i + 2] == 't' && b[i + 3] == 'a'
        && b[i + 4] == ':') {
      field = DATA;
      i += 5;
      if (b[i] == ' ') i++;
      startValue();
      return i;
    }
    nameLen = 0;
    state = FIELD_NAME;
    return i;
  }

  private int fieldName(byte[] b, int i, int end) {
    while (i < end) {
      byte c = b[i++];
      if (c == ':') {
        field = knownField();
        state = field == UNKNOWN ? SKIP_LINE : VALUE_START;
        return i;
      }
      if (c == '\n' || c == '\r') {
        field = knownField(); // a line without a colon: the whole line names the field
        if (field != UNKNOWN) {
          startValue();
          endValue(base + i - 1);
        }
        state = c == '\r' ? AFTER_CR : LINE_START;
        return i;
      }
      if (nameLen == name.length) {
        state = SKIP_LINE;
        return i;
      }
      name[nameLen++] = c;
    }
    return i;
  }

  private int knownField() {
    byte[] n = name;
    switch (nameLen) {
      case 2:
        return n[0] == 'i' && n[1] == 'd' ? ID : UNKNOWN;
      case 4:
        return n[0] == 'd' && n[1] == 'a' && n[2] == 't' && n[3] == 'a' ? DATA : UNKNOWN;
      case 5:
        if (n[0] == 'e' && n[1] == 'v' && n[2] == 'e' && n[3] == 'n' && n[4] == 't') return EVENT;
        if (n[0] == 'r' && n[1] == 'e' && n[2] == 't' && n[3] == 'r' && n[4] == 'y') return RETRY;
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private void startValue() {
    lineHigh = 0;
    switch (field) {
      case DATA:
        checkFrom = -1;
        state = DATA_VALUE;
        break;
      case RETRY:
        retry = 0;
        retryDigits = false;
        state = RETRY_VALUE;
        break;
      default:
        valueLen = 0;
        state = TEXT_VALUE;
    }
  }

  private int dataValue(byte[] b, int i, int end) {
    int start = i;
    i = skipWordsWithoutLineEnd(i, end);
    int firstHigh = highWordAt;
    while (i < end) {
      byte c = b[i];
      if ((c & 0xFF) <= '\r') {
        if (c == '\n' || c == '\r') break;
      } else if (c < 0 && firstHigh < 0) {
        firstHigh = i;
      }
      i++;
    }
    if (dataLen == 0 && end - i >= 2 && b[i] == '\n' && b[i + 1] == '\n'
        && (long) valueLen + (i - start) + 1 <= maxEventSize
        && (firstHigh < 0 || Utf8.findInvalid(b, firstHigh, i) < 0)) {
      // The event's only data line and its blank line, whole in this array and valid UTF-8 (what
      // OpenAI-compatible servers send): handed over from here, not copied first. Anything else
      // (more lines, a line cut by the feed, CR, bytes to repair, the limit) is copied below.
      dispatch(b, start, i - start);
      state = LINE_START;
      return i + 2;
    }
    if (firstHigh >= 0 && checkFrom < 0) checkFrom = dataLen + (firstHigh - start);
    if (i > start) appendData(b, start, i - start);
    return i == end ? i : endLine(b, i);
  }

  private int textValue(byte[] b, int i, int end) {
    int start = i;
    int high = 0;
    while (i < end) {
      byte c = b[i];
      if ((c & 0xFF) <= '\r') {
        if (c == '\n' || c == '\r') break;
        if (c == 0 && field == ID) { // an id with U+0000 is ignored: skip the rest unbuffered
          // What came before the NUL counts as if buffered, so the outcome is the same however
          // the line was split across feeds (split, those bytes were held and checked).
          checkSize(i - start, base + start);
          valueLen = 0;
          state = SKIP_LINE;
          return i + 1;
        }
      }
      high |= c;
      i++;
    }
    lineHigh |= high;
    if (i > start) appendValue(b, start, i - start);
    return i == end ? i : endLine(b, i);
  }

  private int retryValue(byte[] b, int i, int end) {
    while (i < end) {
      byte c = b[i];
      if (c == '\n' || c == '\r') return endLine(b, i);
      if (c < '0' || c > '9') { // not only ASCII digits: ignore the field
        state = SKIP_LINE;
        return i;
      }
      int digit = c - '0';
      retry = retry > (Long.MAX_VALUE - digit) / 10 ? Long.MAX_VALUE : retry * 10 + digit;
      retryDigits = true;
      i++;
    }
    return i;
  }

  private int skipLine(byte[] b, int i, int end) {
    i = skipWordsWithoutLineEnd(i, end);
    while (i < end) {
      byte c = b[i++];
      if ((c & 0xFF) <= '\r' && (c == '\n' || c == '\r')) {
        state = c == '\r' ? AFTER_CR : LINE_START;
        return i;
      }
    }
    return i;
  }

  /** Ends the field line at the CR or LF at {@code b[i]}; returns the index after it. */
  private int endLine(byte[] b, int i) {
    endValue(base + i);
    state = b[i] == '\r' ? AFTER_CR : LINE_START;
    return i + 1;
  }

  /**
   * Skips whole eight-byte words of the array being fed that hold neither CR nor LF, noting in
   * {@code highWordAt} where the first word with a non-ASCII byte starts (-1 if none). Returns
   * where byte-wise scanning resumes. A word is first tested for any byte below 14 (three
   * operations; exact, since only a byte below 14 can start the borrow that sets a flag), and only
   * such a word, rare in JSON, for CR and LF themselves.
   */
  private int skipWordsWithoutLineEnd(int i, int end) {
    highWordAt = -1;
    ByteBuffer w = words;
    if (w == null) return i;
    while (i <= end - 8) {
      long word = w.getLong(i);
      if (((word - BELOW_14) & ~word & HIGHS) != 0) {
        long lf = word ^ LFS;
        long cr = word ^ CRS;
        if ((((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS) != 0) break;
      }
      if ((word & HIGHS) != 0 && highWordAt < 0) highWordAt = i;
      i += 8;
    }
    return i;
  }

  /** Processes the field whose line just ended; {@code at} is the offset of its line end. */
  private void endValue(long at) {
    switch (field) {
      case DATA:
        endDataLine(at);
        break;
      case EVENT:
        type = valueLen == 0 ? null : eventType(at);
        releaseValue();
        break;
      case ID:
        idBuffer = valueLen == 0 ? "" : eventId(at);
        releaseValue();
        break;
      case RETRY:
        if (retryDigits) listener.onRetry(retry);
        break;
      default:
        throw new IllegalStateException("field " + field);
    }
  }

  private void endDataLine(long at) {
    if (checkFrom >= 0) {
      int bad = Utf8.findInvalid(data, checkFrom, dataLen);
      if (bad >= 0) dataLen = repairInto(data, bad, dataLen, at, true);
    }
    checkSize(1, at);
    if (dataLen == data.length) data = grow(data, dataLen + 1);
    data[dataLen++] = '\n';
  }

  private String eventType(long at) {
    repairValue(at);
    if (typeString != null && sameAsValue(typeBytes)) return typeString;
    typeBytes = Arrays.copyOf(value, valueLen);
    typeString = new String(value, 0, valueLen, StandardCharsets.UTF_8);
    return typeString;
  }

  private String eventId(long at) {
    repairValue(at);
    if (idString != null && sameAsValue(idBytes)) return idString;
    idBytes = Arrays.copyOf(value, valueLen);
    idString = new String(value, 0, valueLen, StandardCharsets.UTF_8);
    return idString;
  }

  private void repairValue(long at) {
    if (lineHigh >= 0) return;
    int bad = Utf8.findInvalid(value, 0, valueLen);
    if (bad >= 0) valueLen = repairInto(value, bad, valueLen, at, false);
  }

  private boolean sameAsValue(byte[] bytes) {
    if (bytes.length != valueLen) return false;
    for (int k = 0; k < valueLen; k++) {
      if (bytes[k] != value[k]) return false;
    }
    return true;
  }

  private void releaseValue() {
    valueLen = 0;
    if (value.length > RETAINED_CAPACITY) value = EMPTY;
  }

  /**
   * Rewrites {@code buf[bad, len)} with ill-formed sequences replaced, returning the new length.
   * Replacement can make the line longer (one stray byte becomes three), so the limit is checked.
   */
  private int repairInto(byte[] buf, int bad, int len, long at, boolean isData) {
    byte[] fixed = new byte[3 * (len - bad)];
    int n = Utf8.repair(buf, bad, len, fixed, 0);
    checkSize(n - (len - bad), at);
    byte[] target = buf;
    if (bad + n > buf.length) {
      target = grow(buf, bad + n);
      if (isData) data = target;
      else value = target;
    }
    System.arraycopy(fixed, 0, target, bad, n);
    return bad + n;
  }

  private void appendData(byte[] b, int start, int n) {
    checkSize(n, base + start);
    int size = dataLen + n;
    if (size > data.length) data = grow(data, size + 1); // and the line's LF
    System.arraycopy(b, start, data, dataLen, n);
    dataLen = size;
  }

  private void appendValue(byte[] b, int start, int n) {
    checkSize(n, base + start);
    int size = valueLen + n;
    if (size > value.length) value = grow(value, size);
    System.arraycopy(b, start, value, valueLen, n);
    valueLen = size;
  }

  /** Throws when {@code more} bytes, the first at stream offset {@code at}, exceed the maximum. */
  private void checkSize(int more, long at) {
    long held = (long) dataLen + valueLen;
    if (held + more > maxEventSize) {
      throw new EventTooLargeException(
          held + more, maxEventSize, at + Math.max(0, maxEventSize - held), eventIndex);
    }
  }

  private byte[] grow(byte[] buf, int min) {
    long doubled = Math.max(Math.max(2L * buf.length, min), 64);
    return Arrays.copyOf(buf, (int) Math.min(doubled, Math.max(maxEventSize, min)));
  }

  private void dispatch() {
    if (dataLen == 0) {
      lastEventId = idBuffer;
      type = null;
      return;
    }
    int length = dataLen - 1; // drop the LF that follows the last data line
    dataLen = 0;
    dispatch(data, 0, length);
    if (data.length > RETAINED_CAPACITY) data = EMPTY;
  }

  /** Dispatches an event whose data is {@code b[off, off + length)}. */
  private void dispatch(byte[] b, int off, int length) {
    lastEventId = idBuffer;
    String t = type;
    type = null;
    eventIndex++;
    listener.onEvent(t == null ? MESSAGE : t, lastEventId, b, off, length);
  }
}
