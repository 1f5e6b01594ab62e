package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The validator catches what strict mode rejects, so passing it means something. */
class StrictModeValidatorTest {
  private static final String OK = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":"
      + "\"string\"}},\"required\":[\"a\"],\"additionalProperties\":false}";

  @Test
  void acceptsAMinimalStrictObject() {
    assertThat(StrictModeValidator.violations(OK)).isEmpty();
  }

  @Test
  void rejectsAnOptionalProperty() {
    assertThat(StrictModeValidator.violations(OK.replace("[\"a\"]", "[]")))
        .singleElement().asString().contains("required");
  }

  @Test
  void rejectsAdditionalPropertiesLeftOpen() {
    assertThat(StrictModeValidator.violations(OK.replace("false", "true")))
        .singleElement().asString().contains("additionalProperties must be false");
    assertThat(StrictModeValidator.violations(OK.replace(",\"additionalProperties\":false", "")))
        .singleElement().asString().contains("additionalProperties must be false");
  }

  @Test
  void rejectsUnsupportedKeywordsAndFormats() {
    assertThat(StrictModeValidator.violations(OK.replace("\"string\"}",
        "\"string\",\"minLength\":2,\"format\":\"uri\"}")))
        .containsExactly("$.properties.a: unsupported keyword minLength",
            "$.properties.a: unsupported format uri");
  }

  @Test
  void rejectsARefWithSiblingsAndADanglingRef() {
    assertThat(StrictModeValidator.violations(OK.replace("{\"type\":\"string\"}",
        "{\"$ref\":\"#/$defs/X\",\"description\":\"d\"}")))
        .containsExactly("$.properties.a: $ref must stand alone",
            "$.properties.a: $ref #/$defs/X does not resolve");
  }

  @Test
  void rejectsAnArrayRootAndAFreeFormObject() {
    assertThat(StrictModeValidator.violations("{\"type\":\"array\",\"items\":{\"type\":\"object\"}}"))
        .contains("$: the root must be type object", "$.items: an object needs properties");
  }

  @Test
  void rejectsNestingDeeperThanTen() {
    String schema = "{\"type\":\"string\"}";
    for (int i = 0; i < 11; i++) {
      schema = "{\"type\":\"object\",\"properties\":{\"n\":" + schema
          + "},\"required\":[\"n\"],\"additionalProperties\":false}";
    }
    assertThat(StrictModeValidator.violations(schema)).containsExactly("$: nesting depth 11 > 10");
  }
}
