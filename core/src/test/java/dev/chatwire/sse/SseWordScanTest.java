package dev.chatwire.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The decoder reads long feeds eight bytes at a time. These inputs put a line ending, a non-ASCII
 * byte and an invalid byte at every position relative to those eight-byte words.
 */
class SseWordScanTest {

  @Test
  void lineEndingsAreFoundAtEveryPositionInAWord() {
    for (String eol : new String[] {"\n", "\r", "\r\n"}) {
      for (int length = 0; length < 40; length++) {
        String value = "abcdefghijklmnopqrstuvwxyz0123456789ABCD".substring(0, length);
        String in = "data:" + value + eol + "data:" + value + eol + eol + "data: next" + eol + eol;
        assertThat(decodeWhole(in.getBytes(StandardCharsets.US_ASCII)))
            .as("length %d, line ending %s", length, Recorder.quote(eol))
            .containsExactly(
                Recorder.event("message", "", value + "\n" + value),
                Recorder.event("message", "", "next"));
      }
    }
  }

  @Test
  void invalidByteIsNoticedAtEveryPositionInAWord() {
    for (int at = 0; at < 40; at++) {
      byte[] value = new byte[40];
      Arrays.fill(value, (byte) 'x');
      value[at] = (byte) 0xFF;
      String expected = "x".repeat(at) + "\uFFFD" + "x".repeat(39 - at);
      assertThat(decodeWhole(event(value)))
          .as("invalid byte at %d", at)
          .containsExactly(Recorder.event("message", "", expected));
    }
  }

  @Test
  void validMultiByteCharacterIsKeptAtEveryPositionInAWord() {
    for (int at = 0; at < 37; at++) {
      String text = "y".repeat(at) + "\ud83d\ude00" + "y".repeat(36 - at);
      assertThat(decodeWhole(event(text.getBytes(StandardCharsets.UTF_8))))
          .containsExactly(Recorder.event("message", "", text));
    }
  }

  @Test
  void commentsEndAtEveryPositionInAWord() {
    for (int length = 0; length < 40; length++) {
      String in = ":" + "c".repeat(length) + "\ndata: a\n\n";
      assertThat(decodeWhole(in.getBytes(StandardCharsets.US_ASCII)))
          .containsExactly(Recorder.event("message", "", "a"));
    }
  }

  private static byte[] event(byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("data:".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(value);
    out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static List<String> decodeWhole(byte[] in) {
    List<String> all = new ArrayList<>();
    for (int shift = 0; shift < 8; shift++) { // move the input across word boundaries
      byte[] padded = new byte[in.length + shift];
      System.arraycopy(in, 0, padded, shift, in.length);
      Recorder recorder = new Recorder();
      SseDecoder decoder = new SseDecoder(recorder);
      decoder.feed(padded, shift, in.length);
      decoder.end();
      if (shift == 0) all.addAll(recorder.items);
      else assertThat(recorder.items).as("shifted by %d", shift).isEqualTo(all);
    }
    return all;
  }
}
