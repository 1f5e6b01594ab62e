package dev.chatwire.compare;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The client side of one measurement, run in a JVM of its own with one client's class path:
 * {@code Driver <client class> <client arg> <port> <mode> <mode args...>}. Prints
 * {@code RESULT <name> <value>} lines for the launcher; every stream is verified.
 */
public final class Driver {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Driver() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = "http://127.0.0.1:" + args[2] + "/v1";
    String mode = args[3];
    int chunks = Integer.parseInt(args[4]);
    Script script = new Script(chunks);
    int threadsBefore = THREADS.getThreadCount();
    StreamClient client = (StreamClient) Class.forName(args[0])
        .getConstructor(String.class, String.class).newInstance(baseUrl, args[1]);
    if (mode.equals("cold")) {
      result("built", System.nanoTime());
      Check check = run(client, script, model(chunks, 0, 0));
      result("first", check.firstToken());
    } else if (mode.equals("throughput")) {
      throughput(client, script, Integer.parseInt(args[5]), Integer.parseInt(args[6]));
    } else if (mode.equals("latency")) {
      for (int i = 0; i < Integer.parseInt(args[7]); i++) run(client, script, model(chunks, 0, 0));
      Check check = new Check(script, true);
      client.stream(model(chunks, Integer.parseInt(args[5]), Long.parseLong(args[6])), check);
      check.verify();
      Files.writeString(Path.of(args[8]), Arrays.stream(check.arrivals())
          .mapToObj(Long::toString).collect(Collectors.joining("\n")));
    } else if (mode.equals("first")) {
      int count = Integer.parseInt(args[5]);
      long[] times = new long[count];
      for (int i = 0; i < count; i++) {
        long t0 = System.nanoTime();
        Check check = run(client, script, model(chunks, 0, 0));
        times[i] = check.firstToken() - t0;
      }
      long[] warm = Arrays.copyOfRange(times, count / 2, count);
      Arrays.sort(warm);
      result("first_p50_us", warm[warm.length / 2] / 1e3);
      result("first_p99_us", warm[(int) (warm.length * 0.99)] / 1e3);
    } else if (mode.equals("concurrent")) {
      concurrent(client, script, Integer.parseInt(args[5]), Integer.parseInt(args[6]),
          Integer.parseInt(args[7]), threadsBefore);
    } else {
      throw new IllegalArgumentException(mode);
    }
    client.close();
    System.exit(0);
  }

  static String model(int chunks, int paceMicros, long runId) {
    return "bench-" + chunks + "-" + paceMicros + "-" + runId;
  }

  private static Check run(StreamClient client, Script script, String model) throws Exception {
    Check check = new Check(script, false);
    client.stream(model, check);
    check.verify();
    return check;
  }

  private static void throughput(StreamClient client, Script script, int warmups, int rounds)
      throws Exception {
    String model = model(script.chunks, 0, 0);
    // Every warm-up stream is measured and reported too, under a prefix the launcher skips: the
    // JIT compiles the measuring and reporting code (the /proc files, the thread beans, the
    // output) during the warm-up, not while a measured stream runs, when its compiler threads'
    // time counted as the client's CPU. The measured streams are reported together as one window
    // too: a young collection or a compilation falls in some streams and not others.
    long windowCpu = 0;
    long windowWall = 0;
    for (int i = 0; i < warmups + rounds; i++) {
      String prefix = i >= warmups ? "RESULT " : "WARMUP ";
      // The process's CPU outermost: reading it allocates and takes the calling thread's time,
      // which the other figures are not to count.
      long cpu0 = processCpuNanos();
      Map<Long, Long> alloc0 = allocated();
      long gc0 = gcMillis();
      Map<Long, Long> threads0 = threadCpu();
      long main0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      run(client, script, model);
      long wall = System.nanoTime() - t0;
      long main = THREADS.getCurrentThreadCpuTime() - main0;
      long others = 0;
      long me = Thread.currentThread().getId();
      for (Map.Entry<Long, Long> e : threadCpu().entrySet()) {
        if (e.getKey() != me) others += e.getValue() - threads0.getOrDefault(e.getKey(), 0L);
      }
      long gc = gcMillis() - gc0;
      long bytes = 0;
      for (Map.Entry<Long, Long> e : allocated().entrySet()) {
        bytes += e.getValue() - alloc0.getOrDefault(e.getKey(), 0L);
      }
      long cpu = processCpuNanos() - cpu0;
      if (i >= warmups) {
        windowCpu += cpu;
        windowWall += wall;
      }
      report(prefix, "chunks_per_s", script.chunks * 1e9 / wall);
      report(prefix, "cpu_us_per_chunk", cpu / 1e3 / script.chunks);
      report(prefix, "bytes_per_chunk", (double) bytes / script.chunks);
      report(prefix, "calling_thread_cpu_us_per_chunk", main / 1e3 / script.chunks);
      // The client's other Java threads (an event loop, a selector): the JIT and GC not counted.
      report(prefix, "other_threads_cpu_us_per_chunk", others / 1e3 / script.chunks);
      report(prefix, "gc_ms_per_stream", gc);
    }
    long chunks = (long) script.chunks * rounds;
    result("window_chunks_per_s", chunks * 1e9 / windowWall);
    result("window_cpu_us_per_chunk", windowCpu / 1e3 / chunks);
  }

  /**
   * The process's CPU time in ns: on Linux the sum of its threads' run time in the scheduler's own
   * account ({@code /proc/self/task/N/schedstat}, to the nanosecond); elsewhere the operating
   * system bean's figure. That one counts in clock ticks on Linux (10 ms): a stream of 50,000
   * chunks at a million a second takes about five ticks of CPU, so each stream's figure was a
   * multiple of 0.2 µs a chunk. A thread that ends during a stream takes its time with it.
   */
  static long processCpuNanos() {
    File[] tasks = new File("/proc/self/task").listFiles();
    if (tasks == null) return OS.getProcessCpuTime();
    long sum = 0;
    for (File task : tasks) {
      try {
        String stat = Files.readString(task.toPath().resolve("schedstat"));
        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
      } catch (IOException | RuntimeException e) {
        // The thread ended meanwhile.
      }
    }
    return sum;
  }

  private static long gcMillis() {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc
        : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  private static Map<Long, Long> threadCpu() {
    Map<Long, Long> out = new HashMap<>();
    for (long id : THREADS.getAllThreadIds()) {
      long t = THREADS.getThreadCpuTime(id);
      if (t > 0) out.put(id, t);
    }
    return out;
  }

  private static Map<Long, Long> allocated() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> out = new HashMap<>();
    for (int i = 0; i < ids.length; i++) if (bytes[i] > 0) out.put(ids[i], bytes[i]);
    return out;
  }

  /**
   * After {@code connects} warm-up calls on new connections and one unmeasured burst of
   * {@code streams} paced streams on connections the server closes (its wall time reported as
   * {@code first_burst_wall_s}), starts {@code streams} paced streams at once; reports the wall
   * time until all ended, the
   * most threads the client added, and the live heap per stream in the middle of the run (after
   * a full GC, against the heap after a GC with the client warm).
   */
  private static void concurrent(StreamClient client, Script script, int streams, int pace,
      int connects, int threadsBefore) throws Exception {
    // Warm up the paths the run takes (async streams, many connections at once) so that the run
    // measures concurrency rather than the JIT compiling them; cold start is a mode of its own.
    for (int i = 0; i < 5; i++) client.streamAsync(model(20_000, 0, 0), new Check(new Script(20_000), false)).get();
    // Calls that each open a connection (the server closes it after the response): the measured
    // streams open 1,000, and without these the JIT compiled that path during them.
    Script small = new Script(3);
    for (int i = 0; i < connects; i++) {
      client.streamAsync(model(3, 0, Server.CLOSE), new Check(small, false)).get();
    }
    // The same burst once before the measured one, on connections the server closes after it
    // (the measured burst connects anew): 2,000 calls one after another leave code that runs
    // once per connection short of C2's thresholds, which a burst of 1,000 then crosses. Its
    // wall time is reported too: a burst on a JIT-warm client that has not had one before.
    long w0 = System.nanoTime();
    new Streams(client, model(script.chunks, pace, 0) + "-close", script, streams).awaitVerified();
    result("first_burst_wall_s", (System.nanoTime() - w0) / 1e9);
    // Few connections: they stay pooled during the run.
    new Streams(client, model(script.chunks, pace, 0), script, streams / 20).awaitVerified();
    // The heap's baseline after one more call on the measured path: a blocking call here (the
    // iterator) made the JIT drop code it had compiled for the async path (its branches had
    // never run), and the measured streams then ran while C2 compiled it again (37 % of the
    // client's CPU in the burst).
    client.streamAsync(model(script.chunks, 0, 0), new Check(script, false)).get();
    long heap0 = liveHeap();
    histogram("compare.histogram0");
    long half = (long) script.events() * pace * 1000L / 2;
    long t0 = System.nanoTime();
    Streams measured = new Streams(client, model(script.chunks, pace, 0), script, streams);
    long started = System.nanoTime() - t0;
    long sleep = half - (System.nanoTime() - t0);
    if (sleep > 0) TimeUnit.NANOSECONDS.sleep(sleep);
    int threads = THREADS.getThreadCount();
    long heap = liveHeap();
    histogram("compare.histogram");
    heapDump();
    measured.awaitVerified();
    long wall = System.nanoTime() - t0;
    long[] firsts = new long[streams];
    for (int i = 0; i < streams; i++) firsts[i] = measured.checks.get(i).firstToken() - t0;
    Arrays.sort(firsts);
    result("wall_s", wall / 1e9);
    result("last_first_token_s", firsts[streams - 1] / 1e9);
    // The first tokens follow the starts: how long the caller took to start them all, and when
    // the median stream had its first token.
    result("started_s", started / 1e9);
    result("median_first_token_s", firsts[firsts.length / 2] / 1e9);
    result("ideal_s", script.events() * pace / 1e6);
    result("threads", Math.max(threads, THREADS.getPeakThreadCount()) - threadsBefore);
    result("live_kb_per_stream", (heap - heap0) / 1024.0 / streams);
  }

  /** Async streams started at once, each checked against the script. */
  private static final class Streams {
    final List<Check> checks;
    private final List<CompletableFuture<Void>> done;

    Streams(StreamClient client, String model, Script script, int count) {
      checks = new ArrayList<>(count);
      done = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        Check check = new Check(script, false);
        checks.add(check);
        done.add(client.streamAsync(model, check));
      }
    }

    /** Waits for every stream to end, then verifies each one's text, finish reason and usage. */
    void awaitVerified() throws Exception {
      CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
      for (Check c : checks) c.verify();
    }
  }

  /**
   * Writes the live heap's class histogram to the file the system property {@code property} names,
   * if set: {@code compare.histogram} with every stream in flight, {@code compare.histogram0}
   * before they start (the difference is what the streams hold).
   */
  private static void histogram(String property) throws Exception {
    String file = System.getProperty(property);
    if (file == null) return;
    Object text = ManagementFactory.getPlatformMBeanServer().invoke(
        new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
        "gcClassHistogram", new Object[] {null}, new String[] {String[].class.getName()});
    Files.writeString(Path.of(file), String.valueOf(text));
  }

  /** With every stream in flight, dumps the live heap to the file {@code compare.heapdump} names. */
  private static void heapDump() throws Exception {
    String file = System.getProperty("compare.heapdump");
    if (file == null) return;
    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
        .dumpHeap(file, true);
  }

  private static long liveHeap() {
    for (int i = 0; i < 2; i++) System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void result(String name, double value) {
    report("RESULT ", name, value);
  }

  private static void report(String prefix, String name, double value) {
    System.out.println(prefix + name + " " + value);
  }
}
