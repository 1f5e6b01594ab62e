package dev.chatwire.benchmarks;

import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.sse.SseDecoder;
import dev.chatwire.stream.ChunkAccumulator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The streaming chunk path end to end: SSE bytes into the decoder, each event's data into the
 * per-stream chunk reader, each chunk into the accumulator, one snapshot at the end. Every
 * operation is one content chunk ({@link OperationsPerInvocation}), so {@code -prof gc}'s {@code
 * gc.alloc.rate.norm} is bytes allocated per chunk. The stages are also measured alone to show
 * where time and allocation go.
 *
 * <p>The stream is seeded: {@value #CHUNKS} OpenAI-shaped content chunks of one to a few words,
 * then a finish chunk and {@code [DONE]}; {@code shape=obfuscated} adds the {@code usage: null},
 * {@code service_tier} and {@code obfuscation} members OpenAI has sent on every chunk since 2025.
 * The body arrives in reads of {@code readSize} bytes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StreamPipelineBenchmark {
  static final int CHUNKS = 512;

  @Param({"plain", "obfuscated"})
  public String shape;

  @Param({"8192", "64"})
  public int readSize;

  private byte[] body = new byte[0];
  private String expectedContent = "";
  private List<ChatCompletionChunk> chunks = new ArrayList<>();

  @Setup
  public void setUp() {
    StreamData data = StreamData.generate(CHUNKS, shape.equals("obfuscated"), new Random(42));
    body = data.sse.getBytes(StandardCharsets.UTF_8);
    expectedContent = data.content;
    chunks = new ArrayList<>();
    Pipeline check = new Pipeline(chunks::add);
    check.feed(body, readSize);
    ChatCompletion c = run();
    String content = c.getChoices().get(0).getMessage().getContent();
    if (chunks.size() != CHUNKS + 2 || !expectedContent.equals(content)) {
      throw new IllegalStateException("self-check failed: " + chunks.size() + " chunks");
    }
  }

  /** Decoder, reader and accumulator, one snapshot at the end. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public ChatCompletion pipeline() {
    return run();
  }

  /** The decoder alone: events found, data not read. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public void decodeOnly(Blackhole bh) {
    SseDecoder decoder = new SseDecoder((type, id, data, off, len) -> bh.consume(len));
    feed(decoder, body, readSize);
    decoder.end();
  }

  /** Decoder and chunk reader: the chunks a caller sees, not accumulated. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public void decodeAndRead(Blackhole bh) {
    new Pipeline(bh::consume).feed(body, readSize);
  }

  /** The accumulator alone over chunks read beforehand, one snapshot at the end. */
  @Benchmark
  @OperationsPerInvocation(CHUNKS)
  public ChatCompletion accumulateOnly() {
    ChunkAccumulator acc = new ChunkAccumulator();
    for (int i = 0, n = chunks.size(); i < n; i++) acc.add(chunks.get(i));
    return acc.snapshot();
  }

  private ChatCompletion run() {
    ChunkAccumulator acc = new ChunkAccumulator();
    new Pipeline(acc::add).feed(body, readSize);
    return acc.snapshot();
  }

  /**
   * Feeds {@code body} as a transport does: each read of up to {@code readSize} bytes copied into
   * one read array the thread reuses. (Fed slices of the whole body instead, a decoder handing
   * events over from the array it is fed would hand over one array larger than any a transport
   * reads into.)
   */
  static void feed(SseDecoder decoder, byte[] body, int readSize) {
    byte[] read = READ.get();
    if (read.length < readSize) READ.set(read = new byte[readSize]);
    for (int at = 0; at < body.length; at += readSize) {
      int n = Math.min(readSize, body.length - at);
      System.arraycopy(body, at, read, 0, n);
      decoder.feed(read, 0, n);
    }
  }

  private static final ThreadLocal<byte[]> READ = ThreadLocal.withInitial(() -> new byte[0]);

  /** SSE decoder and per-stream chunk reader handing each chunk to a sink until {@code [DONE]}. */
  static final class Pipeline {
    interface Sink {
      void accept(ChatCompletionChunk chunk);
    }

    private final ChunkReader reader = new ChunkReader();
    private final SseDecoder decoder;
    private boolean done;
    private long events;

    Pipeline(Sink sink) {
      decoder = new SseDecoder((type, id, data, off, len) -> {
        if (done) return;
        if (SseDecoder.isDone(data, off, len)) {
          done = true;
        } else {
          sink.accept(reader.read(data, off, len, events++));
        }
      });
    }

    void feed(byte[] body, int readSize) {
      StreamPipelineBenchmark.feed(decoder, body, readSize);
      decoder.end();
    }
  }
}
