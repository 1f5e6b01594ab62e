package dev.chatwire.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.sse.SseDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Streams recorded from real providers (see {@code streams/MANIFEST.md}) run through the whole
 * chunk path, SSE decoder, chunk reader and accumulator, fed whole, one byte at a time and at
 * seeded random splits; each must accumulate to its expected completion.
 */
class RecordedStreamsTest {
  private static final int RANDOM_SPLIT_SEEDS = 8;

  static Stream<String> recordings() {
    return Stream.of(
        "openai-n3",
        "openai-refusal",
        "openai-content-logprobs",
        "openai-refusal-logprobs",
        "openai-parallel-tools",
        "azure-content-filter",
        "azure-async-filter",
        "groq-tool-call",
        "openrouter-parallel-tools",
        "deepseek-reasoning-tool-call",
        "mistral-tool-call",
        "llamacpp-tool-call",
        "vllm-usage",
        "ollama-parallel-tools");
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void accumulatesToTheExpectedCompletionFedWhole(String name) {
    byte[] sse = resource(name + ".sse");

    ChatCompletion c = run(sse, new int[] {sse.length});

    assertMatchesExpected(name, c);
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void accumulatesToTheExpectedCompletionFedOneByteAtATime(String name) {
    byte[] sse = resource(name + ".sse");
    int[] pieces = new int[sse.length];
    Arrays.fill(pieces, 1);

    ChatCompletion c = run(sse, pieces);

    assertMatchesExpected(name, c);
  }

  @ParameterizedTest
  @MethodSource("recordings")
  void accumulatesToTheExpectedCompletionFedAtSeededRandomSplits(String name) {
    byte[] sse = resource(name + ".sse");
    for (int seed = 1; seed <= RANDOM_SPLIT_SEEDS; seed++) {
      ChatCompletion c = run(sse, randomPieces(sse.length, new Random(seed)));

      assertMatchesExpected(name + " (seed " + seed + ")", name, c);
    }
  }

  /** Feeds {@code sse} in pieces of the given lengths; stops taking chunks at {@code [DONE]}. */
  private static ChatCompletion run(byte[] sse, int[] pieces) {
    ChunkAccumulator acc = new ChunkAccumulator();
    boolean[] done = {false};
    SseDecoder decoder = new SseDecoder((type, lastEventId, data, off, len) -> {
      if (done[0]) return;
      if (SseDecoder.isDone(data, off, len)) {
        done[0] = true;
      } else {
        acc.add(ChatJson.readChunk(data, off, len));
      }
    });
    int at = 0;
    for (int piece : pieces) {
      decoder.feed(sse, at, piece);
      at += piece;
    }
    decoder.end();
    return acc.snapshot();
  }

  private static int[] randomPieces(int total, Random random) {
    int[] pieces = new int[total];
    int n = 0;
    for (int left = total; left > 0; ) {
      int piece = Math.min(left, 1 + random.nextInt(random.nextBoolean() ? 8 : 256));
      pieces[n++] = piece;
      left -= piece;
    }
    return Arrays.copyOf(pieces, n);
  }

  private static void assertMatchesExpected(String name, ChatCompletion actual) {
    assertMatchesExpected(name, name, actual);
  }

  private static void assertMatchesExpected(String label, String name, ChatCompletion actual) {
    String expected = new String(resource(name + ".expected.json"), StandardCharsets.UTF_8);
    assertThat(JsonTree.parse(ChatJson.write(actual)))
        .as(label)
        .isEqualTo(JsonTree.parse(expected));
  }

  private static byte[] resource(String file) {
    try (InputStream in = RecordedStreamsTest.class.getResourceAsStream("/streams/" + file)) {
      if (in == null) throw new IllegalStateException("missing test resource " + file);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
