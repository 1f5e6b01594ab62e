package dev.chatwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The small request value types: factories, shapes and build-time checks. */
class RequestValuesTest {
  @Test
  void messageFactoriesSetRoleAndContent() {
    assertThat(ChatMessage.system("s").getRole()).isEqualTo(Role.SYSTEM);
    assertThat(ChatMessage.developer("d").getRole()).isEqualTo(Role.DEVELOPER);
    assertThat(ChatMessage.assistant("a").getContent()).isEqualTo("a");
    ChatMessage tool = ChatMessage.tool("call_1", "42");
    assertThat(tool.getRole()).isEqualTo(Role.TOOL);
    assertThat(tool.getToolCallId()).isEqualTo("call_1");
    ChatMessage parts = ChatMessage.user(ContentPart.text("a"), ContentPart.text("b"));
    assertThat(parts.getContent()).isNull();
    assertThat(parts.getContentParts()).extracting(ContentPart::getText).containsExactly("a", "b");
    ChatMessage calls = ChatMessage.assistant(null,
        Arrays.asList(ToolCall.function("c", "f", "{}")));
    assertThat(calls.getContent()).isNull();
    assertThat(calls.getToolCalls()).hasSize(1);
  }

  @Test
  void textAndPartsReplaceEachOther() {
    ChatMessage.Builder b = ChatMessage.builder().role(Role.USER).content("text");
    assertThat(b.addContentPart(ContentPart.text("p")).build().getContent()).isNull();
    ChatMessage m = b.content("again").build();
    assertThat(m.getContentParts()).isNull();
    assertThat(m.getContent()).isEqualTo("again");
  }

  @Test
  void messageWithoutRoleFailsAtBuild() {
    assertThatThrownBy(() -> ChatMessage.builder().content("x").build())
        .isInstanceOf(IllegalStateException.class).hasMessage("message role is required");
  }

  @Test
  void stopRemembersItsShape() {
    assertThat(Stop.of("x").isList()).isFalse();
    assertThat(Stop.of(Arrays.asList("x")).isList()).isTrue();
    assertThat(Stop.of("x")).isNotEqualTo(Stop.of(Arrays.asList("x")));
    assertThat(Stop.of(Arrays.asList("a", "b")).getSequences()).containsExactly("a", "b");
    assertThatThrownBy(() -> Stop.of(Arrays.asList("a", null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toolChoiceModesAreConstantsAndUnknownModesAreKept() {
    assertThat(ToolChoice.mode("auto")).isSameAs(ToolChoice.AUTO);
    assertThat(ToolChoice.mode("none")).isSameAs(ToolChoice.NONE);
    assertThat(ToolChoice.mode("required")).isSameAs(ToolChoice.REQUIRED);
    assertThat(ToolChoice.mode("any").getMode()).isEqualTo("any");
    ToolChoice f = ToolChoice.function("get_weather");
    assertThat(f.getMode()).isNull();
    assertThat(f.getType()).isEqualTo("function");
    assertThat(f.getFunctionName()).isEqualTo("get_weather");
    assertThat(f.toBuilder().build()).isEqualTo(f);
    assertThatThrownBy(ToolChoice.AUTO::toBuilder).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ToolChoice.builder().functionName("f").putExtra("function", "{}").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reasoningEffortIsAnOpenValue() {
    assertThat(ReasoningEffort.of("high")).isSameAs(ReasoningEffort.HIGH);
    assertThat(ReasoningEffort.of("minimal")).isSameAs(ReasoningEffort.MINIMAL);
    assertThat(ReasoningEffort.of("max")).isEqualTo(ReasoningEffort.of("max"));
    assertThat(ReasoningEffort.of("max").getValue()).isEqualTo("max");
  }

  @Test
  void rawSchemasMustBeJson() {
    assertThatThrownBy(() -> FunctionDefinition.of("f", null, "{\"type\":"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("function parameters is not a single JSON value");
    assertThatThrownBy(() -> JsonSchemaFormat.of("s", "not json"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(JsonSchemaFormat.of("s", "{}").getStrict()).isTrue();
  }

  @Test
  void requiredNamesAndTypesAreCheckedAtBuild() {
    assertThatThrownBy(() -> FunctionDefinition.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessage("function name is required");
    assertThatThrownBy(() -> JsonSchemaFormat.builder().name("").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ContentPart.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ResponseFormat.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ImageUrl.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> InputAudio.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AudioReference.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Tool.builder().type("").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Prediction.builder().type("").build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> AudioParams.builder().voice("alloy").putExtra("voice", "{}").build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void factoriesFillTheExpectedMembers() {
    assertThat(Tool.function("f", "d", "{}").getFunction().getParameters()).isEqualTo("{}");
    assertThat(ResponseFormat.jsonSchema("s", "{}").getType()).isEqualTo("json_schema");
    assertThat(ResponseFormat.TEXT.getType()).isEqualTo("text");
    assertThat(Prediction.content("p").getType()).isEqualTo("content");
    assertThat(StreamOptions.withUsage().getIncludeUsage()).isTrue();
    assertThat(FileInput.ofData("a.pdf", "data:x").getFilename()).isEqualTo("a.pdf");
    assertThat(ContentPart.refusal("no").getType()).isEqualTo("refusal");
    assertThat(ContentPart.inputAudio("AA", "wav").getInputAudio().getFormat()).isEqualTo("wav");
  }

  @Test
  void toStringOfPartsAbbreviatesBase64() {
    StringBuilder audio = new StringBuilder();
    for (int i = 0; i < 5_000; i++) audio.append("QUFB");
    String s = ContentPart.inputAudio(audio.toString(), "wav").toString();
    assertThat(s).hasSizeLessThan(200).contains("(20000 chars)", "format=wav");
  }
}
