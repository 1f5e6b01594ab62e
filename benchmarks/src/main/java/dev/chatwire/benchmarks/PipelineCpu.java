package dev.chatwire.benchmarks;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.sse.SseDecoder;
import dev.chatwire.stream.ChunkAccumulator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * {@link StreamPipelineBenchmark}'s {@code pipeline} measured in the thread's CPU time and
 * allocated bytes rather than wall time, for a machine shared with other work: other processes
 * delay this thread but do not add to its CPU time. Prints the best and median CPU ns per chunk
 * over the rounds and bytes allocated per chunk; every round checks the accumulated text. Then
 * the same for the SSE decoder alone.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chatwire.benchmarks.PipelineCpu [rounds]
 * </pre>
 */
public final class PipelineCpu {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int REPEATS = 40;
  private static final long WARM_UP_NANOS = 8_000_000_000L;

  private PipelineCpu() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    // JIT warm-up, by time: on a loaded 2-core machine the C2 compiler thread took two seconds
    // to work through its queue, and a warm-up of a fixed 15 rounds per shape left the chunk
    // reader in C1's profiling code for much of the measured rounds (2 to 3 times the CPU).
    long warmUntil = System.nanoTime() + WARM_UP_NANOS;
    while (System.nanoTime() - warmUntil < 0) {
      measure("plain", 2, false);
      measure("obfuscated", 2, false);
    }
    measure("plain", rounds, true);
    measure("obfuscated", rounds, true);
    decode("plain", rounds);
    decode("obfuscated", rounds);
  }

  /** The SSE decoder alone over the same bodies ({@code decodeOnly}), after the warm-up above. */
  private static void decode(String shape, int rounds) {
    byte[] body = data(shape).sse.getBytes(StandardCharsets.UTF_8);
    long[] events = new long[1];
    double[] cpu = rounds(rounds, () -> {
      SseDecoder decoder = new SseDecoder((type, id, bytes, off, len) -> events[0]++);
      StreamPipelineBenchmark.feed(decoder, body, 8192);
      decoder.end();
    }, new double[1]);
    if (events[0] < (long) rounds * REPEATS * StreamPipelineBenchmark.CHUNKS) {
      throw new IllegalStateException("missing events");
    }
    System.out.printf("%-10s decoder alone: best %6.0f ns/chunk, median %6.0f ns/chunk%n",
        shape, cpu[0], cpu[rounds / 2]);
  }

  private static void measure(String shape, int rounds, boolean print) {
    StreamData data = data(shape);
    byte[] body = data.sse.getBytes(StandardCharsets.UTF_8);
    double[] bytes = new double[1];
    double[] cpu = rounds(rounds, () -> {
      ChunkAccumulator acc = new ChunkAccumulator();
      new StreamPipelineBenchmark.Pipeline(acc::add).feed(body, 8192);
      ChatCompletion c = acc.snapshot();
      if (!data.content.equals(c.getChoices().get(0).getMessage().getContent())) {
        throw new IllegalStateException("wrong content");
      }
    }, bytes);
    if (print) System.out.printf("%-10s best %6.0f ns/chunk, median %6.0f ns/chunk, %5.0f B/chunk%n",
        shape, cpu[0], cpu[rounds / 2], bytes[0]);
  }

  private static StreamData data(String shape) {
    return StreamData.generate(
        StreamPipelineBenchmark.CHUNKS, shape.equals("obfuscated"), new Random(42));
  }

  /**
   * Runs {@code stream} {@value #REPEATS} times a round: the thread's CPU ns per chunk of each
   * round, sorted; {@code bytes[0]} gets the bytes allocated per chunk.
   */
  private static double[] rounds(int rounds, Runnable stream, double[] bytes) {
    long chunks = (long) REPEATS * StreamPipelineBenchmark.CHUNKS;
    long id = Thread.currentThread().getId();
    double[] cpu = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long alloc0 = THREADS.getThreadAllocatedBytes(id);
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (int i = 0; i < REPEATS; i++) stream.run();
      cpu[r] = (THREADS.getCurrentThreadCpuTime() - t0) / (double) chunks;
      bytes[0] = (THREADS.getThreadAllocatedBytes(id) - alloc0) / (double) chunks;
    }
    Arrays.sort(cpu);
    return cpu;
  }
}
