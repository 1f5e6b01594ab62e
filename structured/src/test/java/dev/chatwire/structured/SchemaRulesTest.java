package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Types strict mode cannot express fail when the schema is built, naming the field and the rule. */
class SchemaRulesTest {
  @Test
  void aMapFieldFailsNamingTheFieldAndTheRule() {
    assertThatThrownBy(() -> StructuredOutput.responseFormat(SampleTypes.WithMap.class))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("WithMap.scores: a Map is a free-form object")
        .hasMessageContaining("additionalProperties false");
  }

  @Test
  void aMapInsideAListFails() {
    assertThatThrownBy(() -> StructuredOutput.schema(SampleTypes.WithListOfMaps.class))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("WithListOfMaps.rows<>: a Map");
  }

  @Test
  void anUntypedObjectFails() {
    assertThatThrownBy(() -> StructuredOutput.schema(SampleTypes.WithObject.class))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessage("WithObject.anything: Object has no fixed schema; strict mode needs a type "
            + "for every value");
  }

  @Test
  void anInterfaceFieldFails() {
    assertThatThrownBy(() -> StructuredOutput.schema(SampleTypes.WithInterface.class))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("WithInterface.shape: Shape is an interface");
  }

  @Test
  void aRootThatIsNotAnObjectFails() {
    assertThatThrownBy(() -> StructuredOutput.schema(List.class))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageContaining("the root of a strict schema must be an object");
    assertThatThrownBy(() -> StructuredOutput.schema(SampleTypes.Unit.class))
        .isInstanceOf(UnsupportedSchemaException.class);
  }

  @Test
  void elevenNestedObjectsExceedTheDepthLimit() {
    assertThatThrownBy(() -> StructuredOutput.schema(SampleTypes.L0.class))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessage("L0: objects nest 11 levels deep; strict mode allows at most 10");
    assertThat(StrictModeValidator.violations(StructuredOutput.schema(SampleTypes.L1.class)))
        .isEmpty();
  }

  @Test
  void theResponseFormatIsAStrictJsonSchemaNamedAfterTheType() {
    var format = StructuredOutput.responseFormat(SampleTypes.Weather.class);
    assertThat(format.getType()).isEqualTo("json_schema");
    assertThat(format.getJsonSchema().getName()).isEqualTo("Weather");
    assertThat(format.getJsonSchema().getStrict()).isTrue();
    assertThat(format.getJsonSchema().getDescription()).isEqualTo("The weather in a city");
    assertThat(format.getJsonSchema().getSchema())
        .isEqualTo(StructuredOutput.schema(SampleTypes.Weather.class));
  }
}
