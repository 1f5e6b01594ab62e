package dev.chatwire.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A chunked body reads the same however the reads cut it, hands on exactly the chunks' data, ends
 * where the body ends, and refuses malformed framing with a message that says what was wrong.
 */
class ChunkedBodyTest {
  /** Extensions, spaces around a size, bare line feeds, upper-case hex and trailer fields. */
  private static final String BODY = "5;name=value\r\nhello\r\n"
      + " 1 \r\n,\r\n"
      + "A ; x\r\n world and\r\n"
      + "3\n so\n"
      + "0\r\nX-Trailer: t\r\nY: u\r\n\r\n";
  private static final String DATA = "hello, world and so";

  /** What a read handed on, and where it said the body ended. */
  private static final class Reader implements ChunkedBody.Sink {
    final ChunkedBody body = new ChunkedBody();
    final ByteArrayOutputStream data = new ByteArrayOutputStream();

    @Override
    public void data(ByteBuf buf, int index, int length) {
      assertThat(length).isPositive();
      byte[] bytes = new byte[length];
      buf.getBytes(index, bytes);
      data.writeBytes(bytes);
    }

    int read(String text) throws ProtocolException {
      ByteBuf buf = Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
      try {
        int end = body.read(buf, this);
        return end < 0 ? end : end - buf.readerIndex();
      } finally {
        buf.release();
      }
    }

    String data() {
      return data.toString(StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void aBodyCutAnywhereInThreeReadsGivesItsDataAndEnds() throws ProtocolException {
    String whole = BODY + "next";
    for (int a = 0; a <= BODY.length(); a++) {
      for (int b = a; b <= BODY.length(); b++) {
        Reader r = new Reader();
        assertThat(r.read(whole.substring(0, a))).as("cut at %d", a).isEqualTo(
            a == BODY.length() ? BODY.length() : -1);
        if (a == BODY.length()) continue;
        assertThat(r.read(whole.substring(a, b))).as("cut at %d, %d", a, b).isEqualTo(
            b == BODY.length() ? b - a : -1);
        if (b == BODY.length()) {
          assertThat(r.data()).isEqualTo(DATA);
          continue;
        }
        assertThat(r.read(whole.substring(b))).as("cut at %d, %d", a, b)
            .isEqualTo(BODY.length() - b);
        assertThat(r.data()).as("cut at %d, %d", a, b).isEqualTo(DATA);
      }
    }
  }

  @Test
  void aReadStartsAtTheBuffersReaderIndexAndLeavesIt() throws ProtocolException {
    Reader r = new Reader();
    ByteBuf buf = Unpooled.copiedBuffer("HEAD2\r\nok\r\n0\r\n\r\n", StandardCharsets.US_ASCII);
    buf.readerIndex(4);
    assertThat(r.body.read(buf, r)).isEqualTo(buf.writerIndex());
    assertThat(buf.readerIndex()).isEqualTo(4);
    assertThat(r.data()).isEqualTo("ok");
    buf.release();
  }

  @Test
  void aChunkLongerThanItsSizeIsRefusedNotCut() throws ProtocolException {
    Reader r = new Reader();
    assertThatThrownBy(() -> r.read("3\r\nhello\r\n0\r\n\r\n"))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("malformed chunked body: a chunk's data ran past its declared size");
    assertThat(r.data()).isEqualTo("hel");
  }

  @Test
  void malformedSizeLinesSayWhatWasExpected() {
    assertThatThrownBy(() -> new Reader().read("zz\r\n"))
        .hasMessage("malformed chunked body: expected a chunk size, got 'z'");
    assertThatThrownBy(() -> new Reader().read("\r\n"))
        .hasMessage("malformed chunked body: expected a chunk size, got 0x0d");
    assertThatThrownBy(() -> new Reader().read("1g\r\n"))
        .hasMessage("malformed chunked body: expected a hex digit, ';' or the line end, got 'g'");
    assertThatThrownBy(() -> new Reader().read("1 2\r\n"))
        .hasMessage("malformed chunked body: expected ';' or the line end, got '2'");
    assertThatThrownBy(() -> new Reader().read("1\rx"))
        .hasMessage("malformed chunked body: expected LF after CR, got 'x'");
    assertThatThrownBy(() -> new Reader().read("1\r\nx\rx"))
        .hasMessage("malformed chunked body: expected LF after CR, got 'x'");
    assertThatThrownBy(() -> new Reader().read("0\r\n\rx"))
        .hasMessage("malformed chunked body: expected LF after CR, got 'x'");
  }

  @Test
  void sizesAndLinesAreBounded() throws ProtocolException {
    assertThatThrownBy(() -> new Reader().read("80000000\r\n"))
        .hasMessage("malformed chunked body: a chunk size over 2 GiB");
    Reader largest = new Reader();
    assertThat(largest.read("7fffffff\r\nab")).isEqualTo(-1);
    assertThat(largest.data()).isEqualTo("ab");

    String extension = ";" + "x".repeat(ChunkedBody.MAX_LINE);
    assertThatThrownBy(() -> new Reader().read("1" + extension + "\r\n"))
        .hasMessage("malformed chunked body: a chunk-size line over 4096 bytes");
    String zeros = "0".repeat(ChunkedBody.MAX_LINE + 1);
    assertThatThrownBy(() -> new Reader().read(zeros + "1\r\n"))
        .hasMessage("malformed chunked body: a chunk-size line over 4096 bytes");
    String trailer = "X: " + "t".repeat(ChunkedBody.MAX_TRAILERS) + "\r\n";
    assertThatThrownBy(() -> new Reader().read("0\r\n" + trailer + "\r\n"))
        .hasMessage("malformed chunked body: trailer fields over 32768 bytes");

    Reader atLimit = new Reader();
    String size = "0".repeat(ChunkedBody.MAX_LINE - 1) + "1";
    assertThat(atLimit.read(size + "\r\nz\r\n0\r\n\r\n")).isPositive();
    assertThat(atLimit.data()).isEqualTo("z");
  }
}
