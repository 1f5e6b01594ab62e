package dev.chatwire.sse;

import static dev.chatwire.sse.Feeds.allWays;
import static dev.chatwire.sse.Recorder.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The UTF-8 contract: valid bytes are handed over untouched, each ill-formed sequence becomes
 * EF BF BD, and a sequence split between feeds is not ill-formed.
 */
class SseUtf8Test {
  private static final String R = "\uFFFD";

  /** "data:" + the given bytes + LF LF. */
  private static byte[] dataEvent(int... value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("data:".getBytes(StandardCharsets.UTF_8));
    for (int b : value) out.write(b);
    out.write('\n');
    out.write('\n');
    return out.toByteArray();
  }

  private static String message(String data) {
    return event("message", "", data);
  }

  @Test
  void overlongEncodingIsReplaced() {
    assertThat(allWays(dataEvent('a', 0xC0, 0xAF, 'b'))).containsExactly(message("a" + R + R + "b"));
    assertThat(allWays(dataEvent(0xE0, 0x80, 0xAF))).containsExactly(message(R + R + R));
  }

  @Test
  void encodedSurrogateIsReplacedBytePerByte() {
    assertThat(allWays(dataEvent(0xED, 0xA0, 0x80))).containsExactly(message(R + R + R));
  }

  @Test
  void truncatedSequenceAtTheEndOfAnEventIsOneReplacement() {
    assertThat(allWays(dataEvent('a', 0xE2, 0x82))).containsExactly(message("a" + R));
  }

  @Test
  void truncatedSequenceAtTheEndOfADataLineIsReplacedBeforeTheJoin() {
    byte[] in = {'d', 'a', 't', 'a', ':', (byte) 0xF0, (byte) 0x9F, '\n', 'd', 'a', 't', 'a', ':',
        'x', '\n', '\n'};
    assertThat(allWays(in)).containsExactly(message(R + "\nx"));
  }

  @Test
  void strayContinuationBytesAreReplaced() {
    assertThat(allWays(dataEvent(0x80, 'a', 0xBF, 0xBF))).containsExactly(message(R + "a" + R + R));
  }

  @Test
  void invalidBytesInEventTypeAndIdAreReplaced() {
    byte[] in = {'e', 'v', 'e', 'n', 't', ':', (byte) 0xFF, '\n', 'i', 'd', ':', 'x', (byte) 0xC3,
        '\n', 'd', 'a', 't', 'a', '\n', '\n'};
    assertThat(allWays(in)).containsExactly(event(R, "x" + R, ""));
  }

  @Test
  void sequencesSplitBetweenFeedsAreKept() {
    String text = "\u20ac \u00e9 \ud83d\ude00 \u8c46\u8150";
    assertThat(allWays("data: " + text + "\n\n")).containsExactly(message(text));
  }

  @Test
  void validUtf8IsHandedOverByteForByte() {
    byte[] value = randomText(new Random(7), 300).getBytes(StandardCharsets.UTF_8);
    byte[] in = concat("data: ".getBytes(StandardCharsets.UTF_8), value, new byte[] {'\n', '\n'});
    for (int k = 0; k <= in.length; k++) {
      assertThat(dataBytes(in, Feeds.at(k))).as("split at %d", k).containsExactly(value);
    }
    assertThat(dataBytes(in, Feeds.every(in.length, 1))).containsExactly(value);
  }

  @Test
  void longValidUtf8IsHandedOverByteForByte() {
    byte[] value = randomText(new Random(11), 64 * 1024).getBytes(StandardCharsets.UTF_8);
    byte[] in = concat("data:".getBytes(StandardCharsets.UTF_8), value, new byte[] {'\r', '\r'});
    assertThat(dataBytes(in, Feeds.none())).isEqualTo(value);
    assertThat(dataBytes(in, Feeds.every(in.length, 1))).isEqualTo(value);
    for (long seed = 1; seed <= 8; seed++) {
      assertThat(dataBytes(in, Feeds.random(in.length, seed, 100))).isEqualTo(value);
    }
  }

  /** Text mixing one-, two-, three- and four-byte characters, without CR or LF. */
  static String randomText(Random random, int codePoints) {
    StringBuilder sb = new StringBuilder();
    int[][] ranges = {{0x20, 0x7E}, {0xA0, 0x7FF}, {0x800, 0xD7FF}, {0xE000, 0xFFFD}, {0x10000, 0x10FFFF}};
    for (int i = 0; i < codePoints; i++) {
      int[] r = ranges[random.nextInt(ranges.length)];
      sb.appendCodePoint(r[0] + random.nextInt(r[1] - r[0] + 1));
    }
    return sb.toString();
  }

  private static byte[] dataBytes(byte[] in, int[] cuts) {
    List<byte[]> events = new ArrayList<>();
    SseDecoder decoder = new SseDecoder(
        (type, id, data, offset, length) -> events.add(Arrays.copyOfRange(data, offset, offset + length)));
    int from = 0;
    for (int cut : cuts) {
      decoder.feed(in, from, cut - from);
      from = cut;
    }
    decoder.feed(in, from, in.length - from);
    decoder.end();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }
}
