package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public types of chatwire-structured, outside {@code internal}: a new one must be added to
 * {@code structured-public-api.txt} on purpose, so none appears by accident.
 */
class PublicApiTest {
  @Test
  void publicTypesAreExactlyTheListedOnes() throws IOException, URISyntaxException {
    Path classes = Paths.get(StructuredOutput.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> actual;
    try (Stream<Path> files = Files.walk(classes)) {
      actual = files
          .map(p -> classes.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && !p.contains("/internal/") && !p.endsWith("package-info.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .filter(PublicApiTest::isPublic)
          .sorted()
          .collect(Collectors.toList());
    }
    List<String> expected;
    try (InputStream in = PublicApiTest.class.getResourceAsStream("/structured-public-api.txt")) {
      expected = Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#"))
          .sorted().collect(Collectors.toList());
    }
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  private static boolean isPublic(String name) {
    try {
      Class<?> c = Class.forName(name.replace('$', '$'), false, PublicApiTest.class.getClassLoader());
      for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
        if (!Modifier.isPublic(k.getModifiers())) return false;
      }
      return !c.isAnonymousClass() && !c.isSynthetic();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
