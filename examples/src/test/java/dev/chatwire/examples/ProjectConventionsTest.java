package dev.chatwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Checks the conventions every library module keeps, over the sources of the whole project. */
class ProjectConventionsTest {
  private static final List<String> LIBRARY_MODULES =
      List.of("core", "testkit", "transport-jdk", "transport-okhttp", "transport-netty",
          "structured", "opentelemetry");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*"
              + "(?:class|interface|enum|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);

  private static Path root() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("core").resolve("pom.xml"))) p = p.getParent();
    assertThat(p).as("project root").isNotNull();
    return p;
  }

  private static List<Path> javaFiles(String module) {
    Path src = root().resolve(module).resolve("src/main/java");
    if (!Files.isDirectory(src)) return List.of();
    try (Stream<Path> s = Files.walk(src)) {
      return s.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path f) {
    try {
      return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyPackageOfEveryLibraryModuleIsNullMarked() {
    List<String> missing = new ArrayList<>();
    for (String module : LIBRARY_MODULES) {
      javaFiles(module).stream()
          .map(Path::getParent)
          .distinct()
          .forEach(dir -> {
            Path info = dir.resolve("package-info.java");
            if (!Files.exists(info) || !read(info).contains("@NullMarked")) {
              missing.add(root().relativize(dir).toString());
            }
          });
    }
    assertThat(missing).as("packages without @NullMarked package-info").isEmpty();
  }

  @Test
  void everyPublicTypeHasJavadoc() {
    List<String> missing = new ArrayList<>();
    for (String module : LIBRARY_MODULES) {
      for (Path f : javaFiles(module)) {
        String src = read(f);
        Matcher m = PUBLIC_TYPE.matcher(src);
        while (m.find()) {
          String before = src.substring(0, m.start()).replaceAll("(?s)\\s*(@\\w+(\\([^)]*\\))?\\s*)*$", "");
          if (!before.endsWith("*/")) missing.add(root().relativize(f) + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).as("public top-level types without Javadoc").isEmpty();
  }

  @Test
  void conventionCheckSeesTheSources() {
    assertThat(javaFiles("core")).as("core sources found").hasSizeGreaterThan(5);
  }
}
