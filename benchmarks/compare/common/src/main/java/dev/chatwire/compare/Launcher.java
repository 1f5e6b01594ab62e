package dev.chatwire.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the loopback comparison: starts the {@link Server} in this JVM and runs every client in a
 * JVM of its own, with its own class path, in alternating order round after round, then prints
 * the medians. Run from the repository root after building with {@code -Pcompare}:
 *
 * <pre>
 * java -cp benchmarks/compare/common/target/classes dev.chatwire.compare.Launcher [options]
 *   --rounds 2          rounds; the order of the clients is reversed every other round
 *   --chunks 100000     chunks of the throughput stream
 *   --clients a,b       a subset of: raw okhttp-sse chatwire-okhttp chatwire-netty chatwire-jdk
 *                       openai-java langchain4j
 *   --concurrent a,b    the clients that run 1,000 concurrent streams (default: chatwire-netty,
 *                       chatwire-jdk)
 *   --modes a,b         a subset of: throughput steady latency first cold cds concurrent
 *                       (steady: the throughput mode after more warm-up streams, below; cds:
 *                       the cold mode with an AppCDS archive a training run wrote)
 *   --steady-warmups 20 warm-up streams of the steady mode (throughput has 2): on a loaded
 *                       2-core machine the JIT has not compiled a client's whole path after 2
 *   --steady-streams 20 measured streams of the steady mode (throughput has 3), reported each
 *                       and together as one window (steady_window_...)
 *   --concurrent-connects 2000
 *                      calls before the 1,000 concurrent streams, each on a new connection (the
 *                      server closes it after the response): without them the JIT compiles the
 *                      paths a call and a new connection take during the measured streams
 *   --latency-warmups 30 unpaced streams of 2,000 chunks before the latency mode's paced one
 *                       (with 3, the JIT had compiled little: the raw reader 36 µs, not 19)
 *   --first-calls 30000 sequential calls of the first mode, the last half measured
 *   --client n=d,c,a    one more client: name n, module directory d (its target/classes and
 *                       target/classpath.txt), StreamClient class c, argument a; after --clients
 *   --serve             only run the server and print its port, to run a Driver by hand (with
 *                       JFR or class loading logs): Driver &lt;client class&gt; &lt;arg&gt; &lt;port&gt;
 *                       cold|throughput|first|... (see Driver)
 * </pre>
 */
public final class Launcher {
  private static final String ROOT = "benchmarks/compare/";
  private static final Map<String, String[]> CLIENTS = new LinkedHashMap<>();

  static {
    CLIENTS.put("raw", new String[] {"common", "dev.chatwire.compare.RawSocketClient", "-"});
    CLIENTS.put("okhttp-sse", new String[] {"okhttp-sse", "dev.chatwire.compare.OkHttpSseClient", "-"});
    CLIENTS.put("chatwire-okhttp", new String[] {"chatwire", "dev.chatwire.compare.ChatWireClient", "okhttp"});
    CLIENTS.put("chatwire-netty", new String[] {"chatwire", "dev.chatwire.compare.ChatWireClient", "netty"});
    CLIENTS.put("chatwire-jdk", new String[] {"chatwire", "dev.chatwire.compare.ChatWireClient", "jdk"});
    CLIENTS.put("openai-java", new String[] {"openai-java", "dev.chatwire.compare.OpenAiJavaClient", "-"});
    CLIENTS.put("langchain4j", new String[] {"langchain4j", "dev.chatwire.compare.LangChain4jClient", "-"});
  }

  private final Server server;
  private List<String> modes =
      List.of("throughput", "steady", "latency", "first", "cold", "cds", "concurrent");
  private int latencyWarmups = 30;
  private int steadyWarmups = 20;
  private int steadyStreams = 20;
  private int concurrentConnects = 2_000;
  private int firstCalls = 30_000;
  // Prefixed to the names of the metrics a run reports (the steady mode's are steady_...).
  private String prefix = "";
  private final Map<String, Map<String, List<Double>>> results = new TreeMap<>();
  private long runIds;
  private final java.util.Set<String> cdsTrained = new java.util.HashSet<>();

  private Launcher(Server server) {
    this.server = server;
  }

  public static void main(String[] args) throws Exception {
    List<String> modes = null;
    int latencyWarmups = 30;
    int steadyWarmups = 20;
    int steadyStreams = 20;
    int concurrentConnects = 2_000;
    int firstCalls = 30_000;
    int rounds = 2;
    int chunks = 100_000;
    List<String> clients = new ArrayList<>(CLIENTS.keySet());
    List<String> concurrent = List.of("chatwire-netty", "chatwire-jdk");
    if (args.length == 1 && args[0].equals("--serve")) {
      try (Server server = new Server()) {
        System.out.println("port " + server.port());
        Thread.sleep(Long.MAX_VALUE);
      }
    }
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--rounds": rounds = Integer.parseInt(args[i + 1]); break;
        case "--chunks": chunks = Integer.parseInt(args[i + 1]); break;
        case "--clients": clients = List.of(args[i + 1].split(",")); break;
        case "--concurrent": concurrent = List.of(args[i + 1].split(",")); break;
        case "--modes": modes = List.of(args[i + 1].split(",")); break;
        case "--latency-warmups": latencyWarmups = Integer.parseInt(args[i + 1]); break;
        case "--steady-warmups": steadyWarmups = Integer.parseInt(args[i + 1]); break;
        case "--steady-streams": steadyStreams = Integer.parseInt(args[i + 1]); break;
        case "--concurrent-connects": concurrentConnects = Integer.parseInt(args[i + 1]); break;
        case "--first-calls": firstCalls = Integer.parseInt(args[i + 1]); break;
        case "--client": {
          // NAME=DIR,CLASS,ARG: one more client, from DIR/target/classes and DIR/target/classpath.txt
          // (relative to benchmarks/compare/), e.g. ChatWire built from another commit.
          String[] kv = args[i + 1].split("=", 2);
          CLIENTS.put(kv[0], kv[1].split(","));
          if (!clients.contains(kv[0])) {
            clients = new ArrayList<>(clients);
            clients.add(kv[0]);
          }
          break;
        }
        default: throw new IllegalArgumentException(args[i]);
      }
    }
    System.out.printf("load average at start: %.2f; %d cores%n", load(),
        Runtime.getRuntime().availableProcessors());
    try (Server server = new Server()) {
      Launcher launcher = new Launcher(server);
      if (modes != null) launcher.modes = modes;
      launcher.latencyWarmups = latencyWarmups;
      launcher.steadyWarmups = steadyWarmups;
      launcher.steadyStreams = steadyStreams;
      launcher.concurrentConnects = concurrentConnects;
      launcher.firstCalls = firstCalls;
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(clients);
        if (round % 2 == 1) Collections.reverse(order);
        System.out.println("round " + round + ": " + order);
        for (String client : order) launcher.measure(client, chunks, concurrent.contains(client));
      }
      System.out.printf("load average at end: %.2f%n", load());
      launcher.print(clients);
    }
  }

  private void measure(String client, int chunks, boolean concurrent) throws Exception {
    if (modes.contains("throughput")) run(client, "throughput", chunks, "2", "3");
    if (modes.contains("steady")) {
      prefix = "steady_";
      try {
        run(client, "throughput", chunks, Integer.toString(steadyWarmups),
            Integer.toString(steadyStreams));
      } finally {
        prefix = "";
      }
    }
    if (modes.contains("latency")) {
      Path arrivals = Files.createTempFile("arrivals", ".txt");
      long runId = ++runIds;
      run(client, "latency", 2000, "200", Long.toString(runId), Integer.toString(latencyWarmups),
          arrivals.toString());
      latency(client, server.sendTimes(runId), arrivals);
    }
    if (modes.contains("first")) {
      long before = server.accepted();
      // 30,000 calls by default, the last half measured: with 8,000 a client's JVM was still
      // compiling its call path when the measured half began (compilations went on for 8 s), and
      // the figure was the JIT's (ChatWire on OkHttp 275 µs with 8,000, 86 µs with 30,000).
      run(client, "first", 3, Integer.toString(firstCalls));
      add(client, "first_connections", server.accepted() - before);
    }
    if (modes.contains("cold")) {
      long t0 = System.nanoTime();
      Map<String, Double> cold = run(client, "cold", 3);
      add(client, "cold_build_ms", (cold.get("built") - t0) / 1e6);
      add(client, "cold_first_chunk_ms", (cold.get("first") - t0) / 1e6);
    }
    if (modes.contains("cds")) {
      // The cold mode again, with an application class-data archive (AppCDS) that one training
      // run of the same cold call wrote at its exit: what a deployment that ships the archive gets.
      Path archive = cdsArchive(client);
      if (archive == null) {
        System.out.println("cds: the JVM wrote no archive for " + client + " (class-data sharing"
            + " off in this JDK?); the cds mode is skipped for it");
      } else {
        List<String> share = List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        long t0 = System.nanoTime();
        Map<String, Double> cold = run(client, share, true, "cold", 3);
        add(client, "cds_cold_build_ms", (cold.get("built") - t0) / 1e6);
        add(client, "cds_cold_first_chunk_ms", (cold.get("first") - t0) / 1e6);
      }
    }
    if (concurrent && modes.contains("concurrent")) {
      run(client, "concurrent", 100, "1000", Integer.toString(2_000_000 / 103),
          Integer.toString(concurrentConnects));
    }
  }

  private void latency(String client, long[] sent, Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Files.delete(file);
    double[] delays = new double[sent.length];
    for (int i = 0; i < sent.length; i++) {
      delays[i] = (Long.parseLong(lines.get(i)) - sent[i]) / 1e3;
    }
    Arrays.sort(delays);
    add(client, "latency_p50_us", delays[delays.length / 2]);
    add(client, "latency_p99_us", delays[(int) (delays.length * 0.99)]);
  }

  private Map<String, Double> run(String client, String mode, int chunks, String... args)
      throws Exception {
    return run(client, List.of(), false, mode, chunks, args);
  }

  /**
   * Runs the client's {@code Driver} with {@code jvmOptions}; {@code jars}: with the module's jar
   * on the class path instead of its classes directory (an AppCDS archive takes jars only).
   */
  private Map<String, Double> run(String client, List<String> jvmOptions, boolean jars,
      String mode, int chunks, String... args) throws Exception {
    String[] c = CLIENTS.get(client);
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(jars ? jarClassPath(c[0]) : classPath(c[0]));
    command.add(Driver.class.getName());
    command.add(c[1]);
    command.add(c[2]);
    command.add(Integer.toString(server.port()));
    command.add(mode);
    command.add(Integer.toString(chunks));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, Double> out = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("RESULT ")) continue;
        String[] f = line.split(" ");
        double value = Double.parseDouble(f[2]);
        out.put(f[1], value);
        if (!f[1].equals("built") && !f[1].equals("first")) add(client, prefix + f[1], value);
      }
    }
    if (p.waitFor() != 0) throw new IllegalStateException(client + " " + mode + " failed");
    return out;
  }

  /**
   * The client's AppCDS archive, written once per launcher run by a training run of the cold mode
   * (a cold run reports no figure of its own to keep) with {@code -XX:ArchiveClassesAtExit}; null
   * when the JVM wrote none.
   */
  private Path cdsArchive(String client) throws Exception {
    Path archive = Path.of(ROOT + "common/target/cds/" + client + ".jsa");
    if (cdsTrained.add(client)) {
      Files.createDirectories(archive.getParent());
      Files.deleteIfExists(archive);
      run(client, List.of("-XX:ArchiveClassesAtExit=" + archive), true, "cold", 3);
    }
    return Files.exists(archive) ? archive : null;
  }

  /** As {@link #classPath}, with the module's jar (target/*.jar) instead of target/classes. */
  private static String jarClassPath(String module) throws IOException {
    Path target = Path.of(ROOT + module + "/target");
    String jar;
    try (java.util.stream.Stream<Path> files = Files.list(target)) {
      jar = files.map(Path::toString).filter(f -> f.endsWith(".jar")).sorted().findFirst()
          .orElseThrow(() -> new IllegalStateException("no jar in " + target + ": package it"));
    }
    Path file = target.resolve("classpath.txt");
    if (!Files.exists(file)) return jar;
    return jar + java.io.File.pathSeparator + Files.readString(file).trim();
  }

  private static String classPath(String module) throws IOException {
    String classes = ROOT + module + "/target/classes";
    Path file = Path.of(ROOT + module + "/target/classpath.txt");
    if (!Files.exists(file)) return classes;
    return classes + java.io.File.pathSeparator + Files.readString(file).trim();
  }

  private void add(String client, String metric, double value) {
    results.computeIfAbsent(client, k -> new TreeMap<>())
        .computeIfAbsent(metric, k -> new ArrayList<>()).add(value);
  }

  private void print(List<String> clients) {
    String[] metrics = {"chunks_per_s", "cpu_us_per_chunk", "calling_thread_cpu_us_per_chunk",
        "gc_ms_per_stream", "bytes_per_chunk", "steady_chunks_per_s", "steady_cpu_us_per_chunk",
        "steady_calling_thread_cpu_us_per_chunk", "steady_bytes_per_chunk",
        "steady_window_chunks_per_s", "steady_window_cpu_us_per_chunk", "latency_p50_us",
        "latency_p99_us", "first_p50_us", "first_p99_us", "first_connections", "cold_build_ms", "cold_first_chunk_ms",
        "cds_cold_build_ms", "cds_cold_first_chunk_ms",
        "wall_s", "first_burst_wall_s", "last_first_token_s", "started_s", "median_first_token_s", "threads",
        "live_kb_per_stream"};
    System.out.println();
    System.out.println("medians over all measured runs (min–max in brackets)");
    StringBuilder header = new StringBuilder(String.format("%-38s", "metric"));
    for (String client : clients) header.append(String.format(" %24s", client));
    System.out.println(header);
    for (String metric : metrics) {
      StringBuilder row = new StringBuilder(String.format("%-38s", metric));
      boolean any = false;
      for (String client : clients) {
        List<Double> v = results.getOrDefault(client, Map.of()).get(metric);
        if (v == null) {
          row.append(String.format(" %24s", "-"));
          continue;
        }
        any = true;
        List<Double> sorted = new ArrayList<>(v);
        Collections.sort(sorted);
        row.append(String.format(" %24s", String.format("%s [%s–%s]",
            fmt(sorted.get(sorted.size() / 2)), fmt(sorted.get(0)),
            fmt(sorted.get(sorted.size() - 1)))));
      }
      if (any) System.out.println(row);
    }
    for (String base : new String[] {"raw", "okhttp-sse"}) {
      if (!results.containsKey(base)) continue;
      System.out.println();
      System.out.println("as a ratio to " + base + " (medians)");
      System.out.println(header);
      for (String metric : metrics) {
        Double b = median(base, metric);
        if (b == null || b == 0) continue;
        StringBuilder row = new StringBuilder(String.format("%-38s", metric));
        for (String client : clients) {
          Double v = median(client, metric);
          row.append(String.format(" %24s", v == null ? "-" : String.format("%.2f", v / b)));
        }
        System.out.println(row);
      }
    }
  }

  private Double median(String client, String metric) {
    List<Double> v = results.getOrDefault(client, Map.of()).get(metric);
    if (v == null) return null;
    List<Double> sorted = new ArrayList<>(v);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String fmt(double v) {
    if (v >= 1000) return String.format("%,.0f", v);
    if (v >= 10) return String.format("%.1f", v);
    return String.format("%.2f", v);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
