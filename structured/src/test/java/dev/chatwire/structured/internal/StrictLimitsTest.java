package dev.chatwire.structured.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatwire.structured.UnsupportedSchemaException;
import org.junit.jupiter.api.Test;

/**
 * The size limits OpenAI documents for strict schemas, each checked at its edge: a schema at the
 * limit passes, one past it fails when it is built, naming the limit.
 */
class StrictLimitsTest {
  private static ObjectNode objectWith(int properties, int nameLength) {
    ObjectNode root = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode props = root.putObject("properties");
    for (int i = 0; i < properties; i++) {
      String name = String.format("p%0" + (nameLength - 1) + "d", i);
      props.putObject(name).put("type", "string");
    }
    return root;
  }

  private static ObjectNode enumOf(int values, int valueLength) {
    ObjectNode root = Json.MAPPER.createObjectNode().put("type", "object");
    ArrayNode e = root.putObject("properties").putObject("pick").put("type", "string")
        .putArray("enum");
    for (int i = 0; i < values; i++) e.add(String.format("v%0" + (valueLength - 1) + "d", i));
    return root;
  }

  @Test
  void propertyNamesUpTo120000CharactersPassAndOneMoreFails() {
    assertThatCode(() -> StrictRules.apply(objectWith(2000, 60), "Wide")).doesNotThrowAnyException();
    ObjectNode over = objectWith(2000, 60);
    ((ObjectNode) over.get("properties")).putObject("x").put("type", "string");
    assertThatThrownBy(() -> StrictRules.apply(over, "Wide"))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("120001 characters").hasMessageContaining("at most 120000");
  }

  @Test
  void aThousandEnumValuesPassAndOneMoreFails() {
    assertThatCode(() -> StrictRules.apply(enumOf(1000, 4), "Pick")).doesNotThrowAnyException();
    assertThatThrownBy(() -> StrictRules.apply(enumOf(1001, 4), "Pick"))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("1001 values in all").hasMessageContaining("at most 1000");
  }

  @Test
  void aLargeStringEnumIsLimitedTo15000Characters() {
    assertThatCode(() -> StrictRules.apply(enumOf(300, 50), "Pick")).doesNotThrowAnyException();
    assertThatThrownBy(() -> StrictRules.apply(enumOf(300, 51), "Pick"))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("Pick.pick: an enum of 300 values is 15300 characters long");
    assertThatCode(() -> StrictRules.apply(enumOf(250, 70), "Pick"))
        .as("250 values are not a large enum").doesNotThrowAnyException();
  }
}
