package dev.chatwire.benchmarks;

import dev.chatwire.json.PartialJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The partial-JSON reader on streamed tool arguments: the cost of {@link PartialJson#append} per
 * delta, and of building the partial value ({@link PartialJson#value()}) and the closed text on
 * demand from a whole document.
 *
 * <p>{@code size} 100 is a short call ({@code {"location": ...}}, about 100 characters in about
 * 10 deltas, as OpenAI streams them); 1000, 20000 and 100000 are records-of-rows arguments in
 * deltas of 4 to 20 characters. {@link #appendOneDelta} appends the next delta (starting a new
 * reader when the document is done, so a reader's creation counts once per document): if append
 * re-read the text from the start, its cost would grow with the document; it stays flat. {@link
 * #value} and {@link #closedText} cost what the document holds. Seeded data; the setup checks the
 * reader's result against the document before anything is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PartialJsonBenchmark {
  private static final String SHORT =
      "{\"location\": \"San Francisco, CA\", \"unit\": \"celsius\", \"days\": 3, "
          + "\"include_hourly\": false}";

  @Param({"100", "1000", "20000", "100000"})
  public int size;

  private String[] deltas;
  private PartialJson reader;
  private int next;
  private PartialJson whole;

  @Setup
  public void setUp() {
    Random random = new Random(42);
    String doc = size <= 100 ? SHORT : records(random, size);
    deltas = split(doc, random, size <= 100 ? 6 : 4, size <= 100 ? 14 : 20);
    whole = new PartialJson();
    for (String d : deltas) whole.append(d);
    selfCheck(doc);
    reader = new PartialJson();
    next = 0;
  }

  private void selfCheck(String doc) {
    if (!whole.isComplete() || !doc.equals(whole.closedText())) {
      throw new IllegalStateException("the reader did not read the document back");
    }
    Object value = whole.value();
    if (!(value instanceof Map) || ((Map<?, ?>) value).isEmpty()) {
      throw new IllegalStateException("no value: " + value);
    }
    PartialJson half = new PartialJson();
    for (int i = 0; i < deltas.length / 2; i++) half.append(deltas[i]);
    if (!(half.value() instanceof Map) || half.closedText() == null) {
      throw new IllegalStateException("no partial value at half the document");
    }
  }

  /** Appends the next delta; a new reader starts each document again. */
  @Benchmark
  public int appendOneDelta() {
    if (next == deltas.length) {
      reader = new PartialJson();
      next = 0;
    }
    reader.append(deltas[next++]);
    return reader.length();
  }

  /** The value of the whole document, built on demand. */
  @Benchmark
  public Object value() {
    return whole.value();
  }

  /** The closed text of the whole document, built on demand. */
  @Benchmark
  public Object closedText() {
    return whole.closedText();
  }

  /**
   * A cross-check in thread CPU time, which other processes on a shared machine disturb less than
   * wall time: per delta over the whole document, over its first and its last tenth, and {@code
   * value()} of the whole. Run: {@code java -cp benchmarks/target/benchmarks.jar
   * dev.chatwire.benchmarks.PartialJsonBenchmark}.
   */
  public static void main(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (int size : new int[] {100, 1000, 20000, 100000}) {
      PartialJsonBenchmark b = new PartialJsonBenchmark();
      b.size = size;
      b.setUp();
      String[] d = b.deltas;
      int tenth = Math.max(1, d.length / 10);
      int reps = Math.max(20, 4_000_000 / b.whole.length());
      double all = Double.MAX_VALUE;
      double first = Double.MAX_VALUE;
      double last = Double.MAX_VALUE;
      double value = Double.MAX_VALUE;
      for (int round = 0; round < 15; round++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < reps; r++) {
          PartialJson p = new PartialJson();
          for (String piece : d) p.append(piece);
          sink += p.length();
        }
        all = Math.min(all, (cpu.getCurrentThreadCpuTime() - t0) / (double) reps / d.length);
        long head = 0;
        long tail = 0;
        for (int r = 0; r < reps; r++) {
          PartialJson p = new PartialJson();
          long a = cpu.getCurrentThreadCpuTime();
          for (int i = 0; i < tenth; i++) p.append(d[i]);
          head += cpu.getCurrentThreadCpuTime() - a;
          for (int i = tenth; i < d.length - tenth; i++) p.append(d[i]);
          long c = cpu.getCurrentThreadCpuTime();
          for (int i = d.length - tenth; i < d.length; i++) p.append(d[i]);
          tail += cpu.getCurrentThreadCpuTime() - c;
        }
        first = Math.min(first, head / (double) reps / tenth);
        last = Math.min(last, tail / (double) reps / tenth);
        int valueReps = Math.max(5, 400_000 / b.whole.length());
        long v0 = cpu.getCurrentThreadCpuTime();
        for (int r = 0; r < valueReps; r++) sink += b.whole.value().hashCode() & 1;
        value = Math.min(value, (cpu.getCurrentThreadCpuTime() - v0) / (double) valueReps);
      }
      System.out.printf(Locale.ROOT,
          "size %6d: %5d deltas, append %4.0f ns/delta (first tenth %4.0f, last tenth %4.0f,"
              + " each with two clock reads), value() %,9.0f ns%n",
          size, d.length, all, first, last, value);
    }
    if (sink == 42) System.out.println();
  }

  private static String records(Random random, int size) {
    StringBuilder sb = new StringBuilder(size + 200).append("{\"rows\": [");
    String[] words = {"alpha", "beta", "gamma", "delta \\\"quoted\\\"", "café", "naïve", "line\\nbreak"};
    for (int i = 0; sb.length() < size - 40; i++) {
      if (i > 0) sb.append(", ");
      sb.append("{\"id\": ").append(i)
          .append(", \"title\": \"").append(words[random.nextInt(words.length)]).append(' ')
          .append(words[random.nextInt(words.length)]).append("\", \"score\": ")
          .append(random.nextInt(1000)).append('.').append(random.nextInt(100))
          .append(", \"tags\": [\"a\", \"b\"], \"ok\": ").append(random.nextBoolean()).append('}');
    }
    return sb.append("], \"total\": null}").toString();
  }

  private static String[] split(String doc, Random random, int min, int max) {
    List<String> out = new ArrayList<>();
    for (int at = 0; at < doc.length(); ) {
      int end = Math.min(doc.length(), at + min + random.nextInt(max - min + 1));
      out.add(doc.substring(at, end));
      at = end;
    }
    return out.toArray(new String[0]);
  }
}
