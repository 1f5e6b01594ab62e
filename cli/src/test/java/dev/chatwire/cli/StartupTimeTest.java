package dev.chatwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-to-first-token of the built launcher against the testkit's server: spawn the process,
 * time until the first byte of the answer on its standard output. A measurement, not a check
 * (no timed assertion): it prints the median and the best of each way to start, the ways
 * interleaved round by round. Off unless {@code chatwire.startup.rounds} is set:
 *
 * <pre>
 * ./mvnw -B -pl cli -am package -Dtest='LauncherTest' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dchatwire.startup.rounds=15
 * </pre>
 */
@EnabledIfSystemProperty(named = "chatwire.startup.rounds", matches = "[0-9]+")
class StartupTimeTest {
  @TempDir Path cache;

  @Test
  void printsStartToFirstTokenOfEachWayToStart() throws Exception {
    int rounds = Integer.getInteger("chatwire.startup.rounds");
    Path launcher = Paths.get("target", "chatwire").toAbsolutePath();
    Path jar = Paths.get("target", "chatwire.jar").toAbsolutePath();
    assertThat(launcher).isExecutable();
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, List<String>> ways = new java.util.LinkedHashMap<>();
    ways.put("java -jar chatwire.jar --transport jdk (no tuning)",
        Arrays.asList(java, "-jar", jar.toString(), "--transport", "jdk", "hi"));
    ways.put("chatwire (Netty, the default)", Arrays.asList(launcher.toString(), "hi"));
    ways.put("chatwire --transport jdk", Arrays.asList(launcher.toString(), "--transport", "jdk", "hi"));
    ways.put("chatwire --transport okhttp",
        Arrays.asList(launcher.toString(), "--transport", "okhttp", "hi"));
    Map<String, List<Long>> millis = new HashMap<>();
    try (ChatServer server = ChatServer.start()) {
      Map<String, String> env = new HashMap<>(Scenario.env(server));
      env.put("XDG_CACHE_HOME", cache.toString());
      env.put("JAVA_HOME", System.getProperty("java.home"));
      firstToken(ways.get("chatwire (Netty, the default)"), env, server); // records the archive
      awaitArchive(cache.resolve("chatwire"));
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, List<String>> way : ways.entrySet()) {
          millis.computeIfAbsent(way.getKey(), k -> new ArrayList<>())
              .add(firstToken(way.getValue(), env, server));
        }
      }
    }
    System.out.println("start-to-first-token, " + rounds + " rounds, ms: median (best)");
    for (String way : ways.keySet()) {
      List<Long> all = millis.get(way);
      Collections.sort(all);
      System.out.println("  " + way + ": " + all.get(all.size() / 2) + " (" + all.get(0) + ")");
    }
  }

  private static long firstToken(List<String> command, Map<String, String> env, ChatServer server)
      throws Exception {
    server.enqueue(MockResponse.sse(Scenario.chunk("Hello"), Scenario.STOP_CHUNK));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    long first;
    try (InputStream out = p.getInputStream()) {
      int b = out.read();
      first = System.nanoTime();
      assertThat(b).as("the answer's first byte").isEqualTo('H');
      out.transferTo(java.io.OutputStream.nullOutputStream());
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return (first - start) / 1_000_000;
  }

  private static void awaitArchive(Path dir) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < end) {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          if (files.anyMatch(f -> f.toString().endsWith(".jsa"))) return;
        }
      }
      Thread.sleep(200); // polling another process's file until it appears
    }
    throw new AssertionError("no class-data archive in " + dir);
  }
}
