package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema of each sample type equals its golden file in {@code src/test/resources/golden}
 * (reviewed by hand; {@code -Dgolden.update=true} rewrites them) and breaks none of strict
 * mode's rules.
 */
class SchemaGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(classes = {SampleTypes.Weather.class, SampleTypes.Person.class,
      SampleTypes.TreeNode.class, SampleTypes.Collections.class, SampleTypes.Invoice.class,
      SampleTypes.Unit.class})
  void schemaMatchesItsGoldenFileAndStrictMode(Class<?> type) throws IOException {
    if (type.isEnum()) return; // an enum is checked inside the records that hold it
    String schema = StructuredOutput.schema(type);
    String name = type.getSimpleName() + ".json";
    if (Boolean.getBoolean("golden.update")) { // run from the module directory
      Files.writeString(Path.of("src/test/resources/golden", name),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(schema)) + "\n");
    }
    assertThat(JSON.readTree(schema)).isEqualTo(golden(name));
    assertThat(StrictModeValidator.violations(schema)).isEmpty();
    assertThat(fieldOrder(JSON.readTree(schema))).isEqualTo(fieldOrder(golden(name)));
  }

  private static JsonNode golden(String name) throws IOException {
    try (InputStream in = SchemaGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden file " + name).isNotNull();
      return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Property names in document order: the order the model writes them in. */
  private static List<String> fieldOrder(JsonNode schema) {
    List<String> names = new ArrayList<>();
    schema.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
