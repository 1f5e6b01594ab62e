package dev.chatwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built launcher, {@code target/chatwire}: runs in the {@code package} phase, after the
 * launcher is made. The first run records the class-data archive in the background; a later run
 * starts with it ({@code -Xshare:on} fails when the archive cannot be used). The {@code
 * launcher-test} execution of the build sets {@code chatwire.launcher.test}.
 */
@EnabledIfSystemProperty(named = "chatwire.launcher.test", matches = "true")
class LauncherTest {
  private static final Duration RUN = Duration.ofSeconds(60);
  private static final Duration TRAINING = Duration.ofSeconds(120);

  @TempDir Path cache;

  @Test
  void theLauncherAnswersAndLaterStartsFromItsClassDataArchive() throws Exception {
    Path launcher = Paths.get("target", "chatwire").toAbsolutePath();
    assertThat(launcher).isExecutable();
    try (ChatServer server = ChatServer.start()) {
      Map<String, String> env = new HashMap<>(Scenario.env(server));
      env.put("XDG_CACHE_HOME", cache.toString());
      env.put("JAVA_HOME", System.getProperty("java.home"));
      String stream = "data: " + Scenario.chunk("Hello") + "\n\n";
      server.enqueue(MockResponse.sse(Scenario.chunk("Hello"), Scenario.STOP_CHUNK));
      Spawned first = Spawned.start(List.of(launcher.toString(), "hi"), env);
      assertThat(first.await(RUN)).as(first.err()).isZero();
      assertThat(first.out()).isEqualTo("Hello\n");
      assertThat(first.err()).isEmpty();

      Path archive = awaitArchive(cache.resolve("chatwire"));
      server.enqueue(MockResponse.sse(Scenario.chunk("Hello"), Scenario.STOP_CHUNK));
      env.put("CHATWIRE_JAVA_OPTS", "-Xshare:on");
      Spawned second = Spawned.start(List.of(launcher.toString(), "--raw", "hi"), env);
      assertThat(second.await(RUN)).as(second.err()).isZero();
      assertThat(second.out()).startsWith(stream);
      assertThat(second.err()).isEmpty();
      assertThat(archive).exists();
    }
  }

  /** The archive the background training installs; polls, since it is another process's file. */
  private static Path awaitArchive(Path dir) throws IOException, InterruptedException {
    long end = System.nanoTime() + TRAINING.toNanos();
    while (System.nanoTime() < end) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          List<Path> archives = files.filter(f -> f.toString().endsWith(".jsa"))
              .collect(Collectors.toList());
          if (!archives.isEmpty()) return archives.get(0);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no class-data archive in " + dir + " after " + TRAINING);
  }
}
