package dev.chatwire.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Ways of cutting one input into feeds, and a decode that applies them. */
final class Feeds {
  private Feeds() {}

  /** Decodes {@code input} fed in pieces ending at each of {@code cuts}, then ends the stream. */
  static Recorder decode(byte[] input, int[] cuts, int maxEventSize) {
    Recorder recorder = new Recorder();
    SseDecoder decoder = new SseDecoder(recorder, maxEventSize);
    int from = 0;
    for (int cut : cuts) {
      decoder.feed(input, from, cut - from);
      from = cut;
    }
    decoder.feed(input, from, input.length - from);
    int beforeEnd = recorder.items.size();
    decoder.end();
    assertThat(recorder.items).as("nothing is dispatched by end()").hasSize(beforeEnd);
    return recorder;
  }

  /** Decodes {@code input} fed through {@link ByteBuffer}s of the given kind, in pieces. */
  static Recorder decodeBuffers(byte[] input, int pieceSize, boolean direct, int maxEventSize) {
    Recorder recorder = new Recorder();
    SseDecoder decoder = new SseDecoder(recorder, maxEventSize);
    for (int from = 0; from < input.length; from += pieceSize) {
      int n = Math.min(pieceSize, input.length - from);
      ByteBuffer buffer;
      if (direct) {
        buffer = ByteBuffer.allocateDirect(n);
        buffer.put(input, from, n).flip();
      } else { // a slice with a non-zero array offset, inside a larger array
        byte[] padded = new byte[n + 7];
        System.arraycopy(input, from, padded, 3, n);
        buffer = ByteBuffer.wrap(padded, 3, n).slice();
      }
      decoder.feed(buffer);
      assertThat(buffer.hasRemaining()).isFalse();
    }
    decoder.end();
    return recorder;
  }

  static int[] none() {
    return new int[0];
  }

  static int[] at(int... positions) {
    return positions;
  }

  /** Cuts every {@code size} bytes: size 1 feeds one byte at a time. */
  static int[] every(int length, int size) {
    int[] cuts = new int[Math.max(0, (length - 1) / size)];
    for (int i = 0; i < cuts.length; i++) cuts[i] = (i + 1) * size;
    return cuts;
  }

  /** {@code count} distinct random cut positions, reproducible from {@code seed}. */
  static int[] random(int length, long seed, int count) {
    Random random = new Random(seed);
    TreeSet<Integer> cuts = new TreeSet<>();
    int wanted = Math.min(count, Math.max(0, length - 1));
    while (cuts.size() < wanted) cuts.add(1 + random.nextInt(length - 1));
    return cuts.stream().mapToInt(Integer::intValue).toArray();
  }

  static String describe(int[] cuts) {
    return cuts.length <= 8 ? Arrays.toString(cuts) : cuts.length + " cuts";
  }

  static List<String> items(byte[] input, int[] cuts, int maxEventSize) {
    return decode(input, cuts, maxEventSize).items;
  }

  /**
   * Decodes {@code input} whole, one byte at a time and split at every position, asserts that all
   * agree, and returns what was decoded.
   */
  static List<String> allWays(byte[] input) {
    List<String> whole = items(input, none(), SseDecoder.DEFAULT_MAX_EVENT_SIZE);
    assertThat(items(input, every(input.length, 1), SseDecoder.DEFAULT_MAX_EVENT_SIZE))
        .as("one byte at a time")
        .isEqualTo(whole);
    for (int k = 1; k < input.length; k++) {
      assertThat(items(input, at(k), SseDecoder.DEFAULT_MAX_EVENT_SIZE))
          .as("split at %d", k)
          .isEqualTo(whole);
    }
    return whole;
  }

  static List<String> allWays(String input) {
    return allWays(input.getBytes(StandardCharsets.UTF_8));
  }
}
