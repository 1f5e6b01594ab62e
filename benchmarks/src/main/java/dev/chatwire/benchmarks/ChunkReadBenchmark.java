package dev.chatwire.benchmarks;

import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading one typical content chunk (the {@code data} of one SSE event) into a {@link
 * ChatCompletionChunk}: with the per-stream {@link ChunkReader} the stream pipeline uses, and with
 * the one-shot {@link ChatJson#readChunk(byte[], int, int)} for comparison.
 *
 * <p>The chunks are OpenAI-shaped (id, object, created, model, service tier, fingerprint, one
 * choice with a content delta, {@code logprobs} and {@code finish_reason} null, {@code usage}
 * null, and OpenAI's {@code obfuscation} padding, an unknown member) or vLLM-shaped (with {@code
 * stop_reason} and no fingerprint); the content is a seeded random word, so the strings differ
 * from chunk to chunk as in a real stream. Run with {@code -prof gc} for bytes per chunk.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkReadBenchmark {
  private static final String OPENAI = "{\"id\":\"chatcmpl-Dx0XpqH8w09uBXwq1zFGYdETjtnEl\","
      + "\"object\":\"chat.completion.chunk\",\"created\":1782955817,\"model\":"
      + "\"gpt-4o-mini-2024-07-18\",\"service_tier\":\"default\",\"system_fingerprint\":"
      + "\"fp_d0469e1700\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"logprobs\":"
      + "null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"%s\"}";
  private static final String VLLM = "{\"id\":\"chatcmpl-84152bfddeaa1570\",\"object\":"
      + "\"chat.completion.chunk\",\"created\":1768731088,\"model\":\"Qwen/Qwen3-8B\",\"choices\":"
      + "[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"logprobs\":null,\"finish_reason\":null,"
      + "\"stop_reason\":null}]}";
  private static final int CHUNKS = 1024;

  @Param({"openai", "vllm"})
  public String shape;

  private byte[][] events;
  private String[] contents;
  private ChunkReader reader;
  private int next;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    events = new byte[CHUNKS][];
    contents = new String[CHUNKS];
    for (int i = 0; i < CHUNKS; i++) {
      contents[i] = word(random);
      String json = shape.equals("openai")
          ? String.format(OPENAI, contents[i], word(random))
          : String.format(VLLM, contents[i]);
      events[i] = json.getBytes(StandardCharsets.UTF_8);
    }
    reader = new ChunkReader();
    selfCheck();
  }

  // Every chunk must come back with its own content, both ways, before anything is measured.
  private void selfCheck() {
    ChunkReader check = new ChunkReader();
    for (int i = 0; i < CHUNKS; i++) {
      byte[] e = events[i];
      String viaReader = check.read(e, 0, e.length, i).getChoices().get(0).getDelta().getContent();
      String oneShot = ChatJson.readChunk(e, 0, e.length).getChoices().get(0).getDelta().getContent();
      if (!contents[i].equals(viaReader) || !contents[i].equals(oneShot)) {
        throw new IllegalStateException("chunk " + i + " read back wrong");
      }
    }
  }

  private static String word(Random random) {
    StringBuilder sb = new StringBuilder(" ");
    int n = 2 + random.nextInt(7);
    for (int i = 0; i < n; i++) sb.append((char) ('a' + random.nextInt(26)));
    return sb.toString();
  }

  private byte[] nextEvent() {
    byte[] e = events[next];
    next = (next + 1) & (CHUNKS - 1);
    return e;
  }

  /** The stream path: one reader per stream, fed event after event. */
  @Benchmark
  public ChatCompletionChunk streamReader() {
    byte[] e = nextEvent();
    return reader.read(e, 0, e.length, next);
  }

  /** One chunk on its own, with a fresh parser each time. */
  @Benchmark
  public ChatCompletionChunk oneShot() {
    byte[] e = nextEvent();
    return ChatJson.readChunk(e, 0, e.length);
  }
}
