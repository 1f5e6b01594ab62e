package dev.chatwire.transport.netty.internal;

import io.netty.buffer.ByteBuf;
import java.net.ProtocolException;

/**
 * Reads one HTTP/1.1 chunked body (RFC 9112, section 7.1) from a connection's raw buffers, and
 * hands on each run of chunk data as an index and length in the buffer it came in: no copy, no
 * object per chunk. Netty's HTTP codec reads the head; for a chunked body it would make a
 * retained slice and a content object per chunk and copy a read that ends inside a chunk's
 * framing into its own buffer, which was most of the event loop's work on a fast stream.
 *
 * <p>As lenient as Netty's codec and OkHttp where the framing is unambiguous: spaces before a
 * chunk size, spaces and extensions after it (ignored), a bare LF for CRLF, trailer fields
 * (skipped). Stricter where leniency would lose data without a word: the data of a chunk must be
 * followed by its line end, so a chunk longer than its declared size is an error, not bytes
 * skipped. Lines are bounded ({@link #MAX_LINE}, {@link #MAX_TRAILERS}). Confined to one event
 * loop; one instance per body.
 */
final class ChunkedBody {
  /** The longest chunk-size line, extensions included. */
  static final int MAX_LINE = 4096;
  /** The most bytes of trailer fields. */
  static final int MAX_TRAILERS = 32 * 1024;

  /** Where a run of chunk data goes: {@code length} bytes of {@code buf} from {@code index}. */
  interface Sink {
    void data(ByteBuf buf, int index, int length);
  }

  private static final int SIZE_LEAD = 0; // spaces, then the first hex digit
  private static final int SIZE = 1; // hex digits
  private static final int SIZE_AFTER = 2; // spaces after the size: then ';', or the line end
  private static final int EXTENSION = 3; // skipped to the line end
  private static final int SIZE_LF = 4; // after CR
  private static final int DATA = 5;
  private static final int DATA_CR = 6; // the line end after the data
  private static final int DATA_LF = 7;
  private static final int TRAILER_START = 8; // a trailer field, or the empty line that ends
  private static final int TRAILER = 9; // a field, skipped to its line end
  private static final int END_LF = 10; // the final empty line's LF
  private static final int DONE = 11;

  private int state = SIZE_LEAD;
  private long size;
  private long remaining;
  private int lineBytes;
  private int trailerBytes;

  /**
   * Reads {@code buf}'s readable bytes (its reader index is left alone; the caller keeps its
   * reference), handing chunk data to {@code sink}. Returns -1 while the body goes on, else the
   * index just past its end: bytes from there on are not this body's.
   *
   * @throws ProtocolException if the framing is malformed; nothing after it is read
   */
  int read(ByteBuf buf, Sink sink) throws ProtocolException {
    int i = buf.readerIndex();
    int end = buf.writerIndex();
    while (i < end) {
      if (state == DATA) {
        int n = (int) Math.min(remaining, end - i);
        sink.data(buf, i, n);
        i += n;
        remaining -= n;
        if (remaining == 0) state = DATA_CR;
        continue;
      }
      byte b = buf.getByte(i++);
      switch (state) {
        case SIZE_LEAD:
          if (b == ' ' || b == '\t') {
            line();
          } else if (hex(b) >= 0) {
            line();
            size = hex(b);
            state = SIZE;
          } else {
            throw malformed("a chunk size", b);
          }
          break;
        case SIZE: {
          int digit = hex(b);
          if (digit >= 0) {
            line();
            size = size * 16 + digit;
            if (size > Integer.MAX_VALUE) {
              throw new ProtocolException("malformed chunked body: a chunk size over 2 GiB");
            }
          } else {
            sizeEnds(b, true);
          }
          break;
        }
        case SIZE_AFTER:
          sizeEnds(b, false);
          break;
        case EXTENSION:
          if (b == '\n') {
            sizeLineRead();
          } else {
            line();
          }
          break;
        case SIZE_LF:
          lf(b);
          sizeLineRead();
          break;
        case DATA_CR:
          if (b == '\r') {
            state = DATA_LF;
          } else if (b == '\n') {
            state = SIZE_LEAD;
          } else {
            throw new ProtocolException(
                "malformed chunked body: a chunk's data ran past its declared size");
          }
          break;
        case DATA_LF:
          lf(b);
          state = SIZE_LEAD;
          break;
        case TRAILER_START:
          if (b == '\r') {
            state = END_LF;
          } else if (b == '\n') {
            state = DONE;
            return i;
          } else {
            trailer();
            state = TRAILER;
          }
          break;
        case TRAILER:
          trailer();
          if (b == '\n') state = TRAILER_START;
          break;
        case END_LF:
          lf(b);
          state = DONE;
          return i;
        default:
          throw new IllegalStateException("read after the body ended");
      }
    }
    return -1;
  }

  /** After a chunk size's digits ({@code digits}) or the spaces after them. */
  private void sizeEnds(byte b, boolean digits) throws ProtocolException {
    if (b == ';') {
      line();
      state = EXTENSION;
    } else if (b == ' ' || b == '\t') {
      line();
      state = SIZE_AFTER;
    } else if (b == '\r') {
      state = SIZE_LF;
    } else if (b == '\n') {
      sizeLineRead();
    } else {
      throw malformed(digits ? "a hex digit, ';' or the line end" : "';' or the line end", b);
    }
  }

  /** After a CR, only LF. */
  private static void lf(byte b) throws ProtocolException {
    if (b != '\n') throw malformed("LF after CR", b);
  }

  private void sizeLineRead() {
    lineBytes = 0;
    if (size == 0) {
      state = TRAILER_START;
    } else {
      remaining = size;
      size = 0;
      state = DATA;
    }
  }

  private void line() throws ProtocolException {
    if (++lineBytes > MAX_LINE) {
      throw new ProtocolException("malformed chunked body: a chunk-size line over "
          + MAX_LINE + " bytes");
    }
  }

  private void trailer() throws ProtocolException {
    if (++trailerBytes > MAX_TRAILERS) {
      throw new ProtocolException("malformed chunked body: trailer fields over "
          + MAX_TRAILERS + " bytes");
    }
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') return b - '0';
    if (b >= 'a' && b <= 'f') return b - 'a' + 10;
    if (b >= 'A' && b <= 'F') return b - 'A' + 10;
    return -1;
  }

  private static ProtocolException malformed(String expected, byte b) {
    return new ProtocolException("malformed chunked body: expected " + expected + ", got "
        + (b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff)));
  }
}
