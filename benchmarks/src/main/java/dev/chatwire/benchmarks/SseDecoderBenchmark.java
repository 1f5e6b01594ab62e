package dev.chatwire.benchmarks;

import dev.chatwire.sse.SseDecoder;
import dev.chatwire.sse.SseListener;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decodes one megabyte (exactly 10^6 bytes) of a realistic chat completion event stream per
 * operation, fed in pieces of {@code feedSize} bytes, so operations per second read as MB/s.
 *
 * <p>The stream is generated from a fixed seed: OpenAI-shaped {@code chat.completion.chunk} events
 * with short content deltas (mostly ASCII, some multi-byte UTF-8), a role chunk, a usage chunk and
 * {@code data: [DONE]} per completion, and an occasional keep-alive comment. Every operation
 * checks that it decoded the expected number of events.
 *
 * <pre>
 * ./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests -Dinvoker.skip
 * java -jar benchmarks/target/benchmarks.jar SseDecoder -f 1 -wi 3 -i 5 -w 1s -r 1s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SseDecoderBenchmark {
  static final int STREAM_BYTES = 1_000_000;

  @Param({"64", "1024", "16384"})
  public int feedSize;

  private byte[] stream = new byte[0];
  private ByteBuffer[] directPieces = new ByteBuffer[0];
  private int expectedEvents;
  private final Counter counter = new Counter();

  @Setup(Level.Trial)
  public void generate() {
    ChatStreamGenerator generator = new ChatStreamGenerator(new Random(20240611));
    stream = generator.generate(STREAM_BYTES);
    expectedEvents = generator.events();
    int pieces = (stream.length + feedSize - 1) / feedSize;
    directPieces = new ByteBuffer[pieces];
    for (int i = 0; i < pieces; i++) {
      int from = i * feedSize;
      int n = Math.min(feedSize, stream.length - from);
      directPieces[i] = ByteBuffer.allocateDirect(n).put(stream, from, n).flip();
    }
  }

  /** Feeds slices of one byte array, as a blocking transport reading into a buffer would. */
  @Benchmark
  public long byteArrays() {
    counter.reset();
    SseDecoder decoder = new SseDecoder(counter);
    byte[] s = stream;
    for (int from = 0; from < s.length; from += feedSize) {
      decoder.feed(s, from, Math.min(feedSize, s.length - from));
    }
    decoder.end();
    return counter.check(expectedEvents);
  }

  /** Feeds direct buffers, as Netty or java.net.http hand them over; the decoder copies them. */
  @Benchmark
  public long directByteBuffers() {
    counter.reset();
    SseDecoder decoder = new SseDecoder(counter);
    for (ByteBuffer piece : directPieces) {
      decoder.feed(piece.clear());
    }
    decoder.end();
    return counter.check(expectedEvents);
  }

  /** Counts events and touches their data like a consumer that reads the bytes would. */
  static final class Counter implements SseListener {
    private int events;
    private long sum;

    void reset() {
      events = 0;
      sum = 0;
    }

    @Override
    public void onEvent(String type, String lastEventId, byte[] data, int offset, int length) {
      events++;
      sum += length + (SseDecoder.isDone(data, offset, length) ? 1 : data[offset]);
    }

    long check(int expected) {
      if (events != expected) {
        throw new IllegalStateException("decoded " + events + " events, expected " + expected);
      }
      return sum;
    }
  }

  /** A seeded, OpenAI-shaped chat completion event stream. */
  static final class ChatStreamGenerator {
    private static final String[] WORDS = {
      "the", " model", " streams", " tokens", ",", " one", " chunk", " at", " a", " time", ".",
      " Caf\u00e9", " na\u00efve", " \u65e5\u672c\u8a9e", " \ud83d\ude80", " r\u00e9sum\u00e9",
      "\\n", " JSON", " data", " \u2014", " and", " more"
    };
    private final Random random;
    private ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int events;

    ChatStreamGenerator(Random random) {
      this.random = random;
    }

    int events() {
      return events;
    }

    /** Whole completions while they fit, then a comment that pads to exactly {@code size}. */
    byte[] generate(int size) {
      ByteArrayOutputStream stream = new ByteArrayOutputStream(size);
      int total = 0;
      for (int n = 0; ; n++) {
        out = new ByteArrayOutputStream();
        events = 0;
        completion(n);
        if (stream.size() + out.size() > size - 16) break;
        stream.writeBytes(out.toByteArray());
        total += events;
      }
      events = total;
      out = stream;
      write(": " + "x".repeat(size - out.size() - 3) + "\n");
      byte[] bytes = out.toByteArray();
      if (bytes.length != size) throw new IllegalStateException("generated " + bytes.length);
      return bytes;
    }

    private void completion(int n) {
      String head = "{\"id\":\"chatcmpl-" + Integer.toHexString(0x5EED0000 + n)
          + "\",\"object\":\"chat.completion.chunk\",\"created\":" + (1718000000 + n)
          + ",\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_0ba0d124f1\","
          + "\"choices\":[{\"index\":0,\"delta\":";
      event(head + "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,"
          + "\"finish_reason\":null}],\"usage\":null}");
      int tokens = 20 + random.nextInt(200);
      for (int t = 0; t < tokens; t++) {
        event(head + "{\"content\":\"" + WORDS[random.nextInt(WORDS.length)]
            + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}");
        if (random.nextInt(100) == 0) write(": keep-alive\n\n");
      }
      event(head + "{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}");
      event("{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":" + tokens
          + ",\"total_tokens\":" + (12 + tokens) + "}}");
      event("[DONE]");
    }

    private void event(String data) {
      write("data: " + data + "\n\n");
      events++;
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
