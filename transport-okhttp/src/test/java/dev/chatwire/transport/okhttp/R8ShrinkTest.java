package dev.chatwire.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.android.tools.r8.R8;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An app that uses ChatWire needs no keep rules of its own: {@code r8app.ChatApp}, with
 * ChatWire, OkHttp and their dependencies, is shrunk and obfuscated by R8 (class-file mode,
 * the JDK as library) under {@code src/test/r8/rules.pro}, which keeps only its main class and
 * lists OkHttp's optional TLS providers; the shrunk jar then finds the transport by {@code
 * ServiceLoader} and streams a completion from a {@link ChatServer} in this JVM. Sizes go to
 * {@code target/r8/sizes.txt}.
 */
class R8ShrinkTest {
  private static Path work;
  private static Path out;
  private static R8Shrink.Run r8;
  private static List<Path> inputs;

  @BeforeAll
  static void shrink() throws Exception {
    work = Path.of(System.getProperty("r8.work.dir", "target/r8"));
    deleteTree(work);
    Files.createDirectories(work.resolve("inputs"));
    inputs = new ArrayList<>();
    Path testClasses = Path.of(ChatAppHolder.location());
    inputs.add(R8Shrink.zip(testClasses, testClasses.resolve("r8app"), work.resolve("app.jar")));
    int n = 0;
    for (String entry : System.getProperty("r8.program.classpath").split(File.pathSeparator)) {
      if (entry.isEmpty()) continue;
      inputs.add(R8Shrink.asJar(Path.of(entry), work.resolve("inputs/" + (n++) + ".jar")));
    }
    out = work.resolve("out.jar");
    List<String> args = new ArrayList<>(Arrays.asList(
        "-cp", Path.of(R8.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString(),
        R8.class.getName(),
        "--release", "--classfile",
        "--lib", System.getProperty("java.home"),
        "--pg-conf", System.getProperty("r8.rules", "src/test/r8/rules.pro"),
        "--pg-conf-output", work.resolve("all-rules.txt").toString(),
        "--pg-map-output", work.resolve("mapping.txt").toString(),
        "--output", out.toString()));
    for (Path p : inputs) args.add(p.toString());
    r8 = R8Shrink.java(work, 300, args);
  }

  @Test
  void r8ShrinksTheAppWithoutWarnings() {
    assertThat(r8.exitCode).as("R8 output:\n%s", r8.output).isZero();
    // Jars on a plain class path each carry a manifest; an app's build merges those itself.
    String warnings = r8.output.replaceAll("(?m)^Warning: Resource '[^']*' already exists\\.\\R", "");
    assertThat(warnings.toLowerCase(Locale.ROOT)).as("R8 output").doesNotContain("warning");
  }

  @Test
  void theOnlyRulesAreTheAppsMainAndTheLibrariesOwn() throws Exception {
    String all = Files.readString(work.resolve("all-rules.txt"));

    assertThat(all).doesNotContain("dev.chatwire");
    assertThat(all.lines().filter(l -> l.startsWith("-keep")))
        .containsExactly("-keep class r8app.ChatApp {",
            "-keepnames class okhttp3.internal.publicsuffix.PublicSuffixDatabase");
  }

  @Test
  void theShrunkAppFindsTheTransportAndStreams() throws Exception {
    assertThat(r8.exitCode).as("R8 output:\n%s", r8.output).isZero();
    try (ChatServer server = ChatServer.start()) {
      server.enqueue(MockResponse.sse(chunk("Hello, "), chunk("R8"), chunk("!"), finish()));

      R8Shrink.Run app = R8Shrink.java(work, 60, Arrays.asList(
          "-cp", out.toString(), "r8app.ChatApp", server.url("/v1").toString()));

      assertThat(app.exitCode).as("app output:\n%s", app.output).isZero();
      assertThat(app.output).isEqualTo("text=Hello, R8!\nfinish=stop\n");
      RecordedRequest request = server.takeRequest(Duration.ofSeconds(5));
      assertThat(request).isNotNull();
      assertThat(request.getPath()).isEqualTo("/v1/chat/completions");
      assertThat(request.getHeader("authorization")).isEqualTo("Bearer sk-r8-app");
      assertThat(request.getHeader("accept-encoding")).as("OkHttp's own header").isEqualTo("gzip");
    }
  }

  @Test
  void theServiceFileSurvivesUnderTheShrunkNames() throws Exception {
    assertThat(r8.exitCode).as("R8 output:\n%s", r8.output).isZero();
    R8Mapping mapping = R8Mapping.read(work.resolve("mapping.txt"));
    String factory = mapping.shrunkName("dev.chatwire.transport.okhttp.OkHttpTransportFactory");

    // R8 renames the service file after the service type (or, when it merges an interface with
    // one implementation into that class, after the class) and rewrites the names inside.
    Map<String, String> services = R8Shrink.entriesUnder(out, "META-INF/services/");

    assertThat(services).as("service files in the shrunk jar").containsValue(factory + "\n");
    assertThat(R8Shrink.hasEntry(out, factory.replace('.', '/') + ".class")).as(factory).isTrue();
    for (Map.Entry<String, String> e : services.entrySet()) {
      if (!e.getValue().equals(factory + "\n")) continue;
      String type = e.getKey().substring("META-INF/services/".length());
      assertThat(R8Shrink.hasEntry(out, type.replace('.', '/') + ".class")).as(type).isTrue();
    }
  }

  @Test
  void reportsTheShrunkSizes() throws Exception {
    assertThat(r8.exitCode).as("R8 output:\n%s", r8.output).isZero();
    R8Mapping mapping = R8Mapping.read(work.resolve("mapping.txt"));
    long chatWireIn = 0;
    long allIn = 0;
    for (Path p : inputs) {
      chatWireIn += R8Shrink.classBytes(p, name -> name.startsWith("dev/chatwire/"));
      allIn += R8Shrink.classBytes(p, name -> true);
    }
    long chatWireOut = R8Shrink.classBytes(out,
        name -> mapping.originalName(name).startsWith("dev/chatwire/"));
    long appOut = R8Shrink.classBytes(out,
        name -> mapping.originalName(name).startsWith("r8app/"));
    long allOut = R8Shrink.classBytes(out, name -> true);
    String report = String.format(Locale.ROOT,
        "class bytes (uncompressed)   before R8  after R8%n"
            + "ChatWire (dev.chatwire.**)   %9d  %8d%n"
            + "the app (r8app.**)           %9s  %8d%n"
            + "whole program                %9d  %8d%n"
            + "out.jar file size: %d bytes (classes and resources, compressed)%n",
        chatWireIn, chatWireOut, "", appOut, allIn, allOut, Files.size(out));
    Files.writeString(work.resolve("sizes.txt"), report);
    System.out.print(report);

    assertThat(chatWireOut).isPositive().isLessThan(chatWireIn);
    assertThat(allOut).isLessThan(allIn);
  }

  private static String chunk(String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
        + content + "\"},\"finish_reason\":null}]}";
  }

  private static String finish() {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},"
        + "\"finish_reason\":\"stop\"}]}";
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) return;
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }

  /** Where the test classes (and so {@code r8app}) were compiled to. */
  private static final class ChatAppHolder {
    static java.net.URI location() throws java.net.URISyntaxException {
      return r8app.ChatApp.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    }
  }
}
