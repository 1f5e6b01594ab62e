package dev.chatwire.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Long inputs, generated from a seed: each runs whole, one byte at a time and at seeded random
 * splits. Covers the LaunchDarkly contract tests whose payloads are generated (large messages,
 * many messages in rapid succession) and a realistic chat completion stream.
 */
class SseLongStreamTest {
  private static final long[] SEEDS = {1, 2, 3, 5, 8, 13, 21, 34};

  @Test
  void largeMessageInOneChunk() {
    // launchdarkly/sse-contract-tests "large message in one chunk": 5 MiB of random bytes, base64.
    String data = randomBase64(5 * 1024 * 1024, 0);
    byte[] in = ascii("data: " + data + "\n\n");
    List<String> expected = List.of(Recorder.event("message", "", data));
    int max = 16 * 1024 * 1024;
    assertThat(Feeds.items(in, Feeds.none(), max)).isEqualTo(expected);
    assertThat(Feeds.items(in, Feeds.every(in.length, 1), max)).isEqualTo(expected);
    for (long seed : SEEDS) {
      assertThat(Feeds.items(in, Feeds.random(in.length, seed, 64), max)).isEqualTo(expected);
    }
  }

  @Test
  void largeMessageInTwoChunks() {
    // launchdarkly/sse-contract-tests "large message in two chunks".
    String a = randomBase64(5 * 1024 * 1024, 1);
    String b = randomBase64(5 * 1024 * 1024, 2);
    byte[] in = ascii("data: " + a + b + "\n\n");
    int max = 16 * 1024 * 1024;
    assertThat(Feeds.items(in, Feeds.at(6 + a.length()), max))
        .containsExactly(Recorder.event("message", "", a + b));
  }

  @Test
  void manyMessagesInRapidSuccession() {
    // launchdarkly/sse-contract-tests "many messages in rapid succession".
    StringBuilder stream = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      stream.append("data: message ").append(i).append("\n\n");
      expected.add(Recorder.event("message", "", "message " + i));
    }
    assertLongInput(ascii(stream.toString()), expected);
  }

  @Test
  void chatCompletionStreamWithLfLineEndings() {
    assertChatStream("\n");
  }

  @Test
  void chatCompletionStreamWithCrlfLineEndings() {
    assertChatStream("\r\n");
  }

  @Test
  void chatCompletionStreamWithCrLineEndings() {
    assertChatStream("\r");
  }

  private static void assertChatStream(String eol) {
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    Random random = new Random(2024);
    write(stream, ": OPENROUTER PROCESSING" + eol + eol);
    for (int i = 0; i < 60; i++) {
      String content = SseUtf8Test.randomText(random, 1 + random.nextInt(6)).replace("\"", "'")
          .replace("\\", "/");
      String json = "{\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1718000000,"
          + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
          + "\"},\"finish_reason\":null}]}";
      write(stream, "data: " + json + eol + eol);
      expected.add(Recorder.event("message", "", json));
      if (i % 17 == 0) write(stream, ": keep-alive" + eol);
    }
    write(stream, "data: [DONE]" + eol + eol);
    expected.add(Recorder.event("message", "", "[DONE]"));
    byte[] in = stream.toByteArray();
    assertThat(in.length).isGreaterThan(8 * 1024);
    assertLongInput(in, expected);
  }

  private static void assertLongInput(byte[] in, List<String> expected) {
    int max = SseDecoder.DEFAULT_MAX_EVENT_SIZE;
    assertThat(Feeds.items(in, Feeds.none(), max)).containsExactlyElementsOf(expected);
    assertThat(Feeds.items(in, Feeds.every(in.length, 1), max)).containsExactlyElementsOf(expected);
    for (long seed : SEEDS) {
      int[] cuts = Feeds.random(in.length, seed, (int) (seed * 37 % 500) + 1);
      assertThat(Feeds.items(in, cuts, max)).as("seed %d", seed).containsExactlyElementsOf(expected);
    }
  }

  private static String randomBase64(int bytes, long seed) {
    byte[] b = new byte[bytes];
    new Random(seed).nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
