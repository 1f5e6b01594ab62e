package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;

import com.android.tools.r8.R8;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An app doing a structured call shrinks with R8 (class-file mode, the JDK as library) under
 * {@code src/test/r8/rules.pro}: its main class, its own answer type kept whole, and the
 * attributes reflection reads; nothing for ChatWire, Jackson or the schema generator. The shrunk
 * app then sends the strict schema to a {@link ChatServer}, reads the answer into its type, and
 * reads a typed tool's arguments.
 */
class StructuredR8Test {
  /**
   * The jars and class directories of an app using chatwire-structured with the java.net.http
   * transport (found by ServiceLoader): the reactor's class directories, or its jars once packaged. The OkHttp transport's own shrink test covers OkHttp and
   * Kotlin's standard library; leaving them out keeps this run short on a loaded machine.
   */
  private static final List<String> PROGRAM = List.of("/core/target/classes",
      "/structured/target/classes", "/transport-jdk/target/classes", "chatwire-core-",
      "chatwire-transport-jdk-", "jackson-core-",
      "jackson-databind-", "jackson-annotations-", "jackson-datatype-jdk8-", "classmate-",
      "jsonschema-generator-", "jsonschema-module-jackson-", "jspecify-", "slf4j-api-");
  private static Path work;
  private static Path out;
  private static int r8Exit;
  private static String r8Output;

  @BeforeAll
  static void shrink() throws Exception {
    work = Path.of("target/r8-structured").toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);
    Path testClasses = Path.of(StructuredApp().toURI());
    List<String> args = new ArrayList<>(Arrays.asList(
        "-cp", Path.of(R8.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
        R8.class.getName(), "--release", "--classfile", "--lib", System.getProperty("java.home"),
        "--pg-conf", "src/test/r8/rules.pro",
        "--pg-conf-output", work.resolve("all-rules.txt").toString(),
        "--output", (out = work.resolve("out.jar")).toString(),
        zip(testClasses.resolve("r8structured"), testClasses, work.resolve("app.jar")).toString()));
    String classPath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    int n = 0;
    for (String entry : classPath.split(File.pathSeparator)) {
      String unix = entry.replace(File.separatorChar, '/');
      if (PROGRAM.stream().noneMatch(p -> p.startsWith("/") ? unix.endsWith(p)
          : unix.substring(unix.lastIndexOf('/') + 1).startsWith(p))) continue;
      Path p = Path.of(entry);
      args.add((Files.isDirectory(p) ? zip(p, p, work.resolve((n++) + ".jar")) : p).toString());
    }
    Process r8 = java(args, work.resolve("r8.log"));
    if (!r8.waitFor(900, TimeUnit.SECONDS)) {
      r8.destroyForcibly();
      throw new AssertionError("R8 did not finish in 900 s");
    }
    r8Exit = r8.exitValue();
    r8Output = Files.readString(work.resolve("r8.log"));
  }

  private static java.net.URL StructuredApp() {
    return r8structured.StructuredApp.class.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void theShrunkAppSendsTheSchemaAndReadsTheAnswerAndTheToolArguments() throws Exception {
    assertThat(r8Exit).as("R8 output:\n%s", r8Output).isZero();
    try (ChatServer server = ChatServer.start()) {
      server.enqueue(MockResponse.json(Replies.content(
          "{\"city\":\"Paris\",\"unit\":\"CELSIUS\",\"highs\":[21,23]}", "stop")));
      Process app = java(List.of("-cp", out.toString(), "r8structured.StructuredApp",
          server.url("/v1").toString()), work.resolve("app.log"));
      if (!app.waitFor(120, TimeUnit.SECONDS)) {
        app.destroyForcibly();
        throw new AssertionError("the app did not finish in 120 s");
      }
      String output = Files.readString(work.resolve("app.log"));

      assertThat(app.exitValue()).as("app output:\n%s", output).isZero();
      // slf4j (the schema generator's logging facade) says on stderr that it has no provider.
      assertThat(output.lines().filter(l -> !l.startsWith("SLF4J")))
          .containsExactly("city=Paris unit=CELSIUS highs=[21, 23]", "tool city=Oslo unit=FAHRENHEIT");
      String body = server.takeRequest(Duration.ofSeconds(5)).getBodyUtf8();
      assertThat(body).contains("\"name\":\"Forecast\"").contains("\"strict\":true")
          .contains("\"city\":{\"type\":\"string\",\"description\":\"City name\"}")
          .contains("\"enum\":[\"CELSIUS\",\"FAHRENHEIT\"]");
    }
  }

  @Test
  void theOnlyKeepRulesAreTheAppsOwn() throws Exception {
    assertThat(r8Exit).as("R8 output:\n%s", r8Output).isZero();
    String all = Files.readString(work.resolve("all-rules.txt"));
    assertThat(all.lines().filter(l -> l.startsWith("-keep ") && l.contains("dev.chatwire")))
        .isEmpty();
  }

  private static Process java(List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static Path zip(Path dir, Path root, Path jar) throws IOException {
    try (OutputStream os = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(os);
        Stream<Path> walk = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        zip.putNextEntry(new ZipEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
    return jar;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }
}
