package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.accumulate;
import static dev.chatwire.stream.Chunks.choice;
import static dev.chatwire.stream.Chunks.chunk;
import static dev.chatwire.stream.Chunks.fragment;
import static dev.chatwire.stream.Chunks.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolCallAccumulationTest {
  private static List<ToolCall> calls(ChatCompletion c) {
    return c.getChoices().get(0).getMessage().getToolCalls();
  }

  @Test
  void fragmentsMergeByIndexIntoCallsWithoutIndex() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(0, "call_1", "get_weather", ""))),
        chunk(toolCalls(0, fragment(0, null, null, "{\"city\":"))),
        chunk(toolCalls(0, fragment(0, null, null, "\"Paris\"}"))));

    assertThat(calls(c)).containsExactly(
        ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"));
    assertThat(calls(c).get(0).getIndex()).isNull();
  }

  @Test
  void callsWithoutIndexMergeByPositionInTheDelta() {
    ChatCompletion c = accumulate(chunk(toolCalls(0,
        fragment(null, "a1", "add", "{\"a\":2}"),
        fragment(null, "m1", "multiply", "{\"b\":3}"))));

    assertThat(calls(c)).containsExactly(
        ToolCall.function("a1", "add", "{\"a\":2}"),
        ToolCall.function("m1", "multiply", "{\"b\":3}"));
  }

  @Test
  void anIndexNeedNotStartAtZero() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(1, "call_1", "lookup", "{\"q\""))),
        chunk(toolCalls(0, fragment(1, null, null, ":1}"))));

    assertThat(calls(c)).containsExactly(ToolCall.function("call_1", "lookup", "{\"q\":1}"));
  }

  @Test
  void aWholeCallMayComeInOneDelta() {
    ChatCompletion c = accumulate(chunk(toolCalls(0, fragment(0, "tk85", "weather", "{}"))));

    assertThat(calls(c)).containsExactly(ToolCall.function("tk85", "weather", "{}"));
  }

  @Test
  void theFirstFragmentMayAlreadyCarryArguments() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(0, "g2K", "weather", "{\""))),
        chunk(toolCalls(0, fragment(0, null, null, "location\":\"Florence\"}"))));

    assertThat(calls(c)).containsExactly(
        ToolCall.function("g2K", "weather", "{\"location\":\"Florence\"}"));
  }

  @Test
  void parallelCallsWithInterleavedFragmentsComeOutInIndexOrder() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(1, "call_b", "multiply", ""))),
        chunk(toolCalls(0, fragment(0, "call_a", "add", ""))),
        chunk(toolCalls(0, fragment(1, null, null, "{\"x\":2}"), fragment(0, null, null, "{\"y\":"))),
        chunk(toolCalls(0, fragment(0, null, null, "3}"))));

    assertThat(calls(c)).containsExactly(
        ToolCall.function("call_a", "add", "{\"y\":3}"),
        ToolCall.function("call_b", "multiply", "{\"x\":2}"));
  }

  @Test
  void aNewIdAtAnIndexAlreadyHeldStartsANewCall() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(0, "call_a", "add", "{\"a\":1"))),
        chunk(toolCalls(0, fragment(0, null, null, "}"))),
        chunk(toolCalls(0, fragment(0, "call_b", "add", "{\"a\":2"))),
        chunk(toolCalls(0, fragment(0, null, null, "}"))));

    assertThat(calls(c)).containsExactly(
        ToolCall.function("call_a", "add", "{\"a\":1}"),
        ToolCall.function("call_b", "add", "{\"a\":2}"));
  }

  @Test
  void emptyIdOrNameInALaterFragmentKeepsTheFirst() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(0, "call_1", "weather", ""))),
        chunk(toolCalls(0, ToolCall.builder().index(0).id("").type("function")
            .function(FunctionCall.builder().name("").arguments("{}").build()).build())));

    assertThat(calls(c)).containsExactly(ToolCall.function("call_1", "weather", "{}"));
  }

  @Test
  void idTypeAndNameMayArriveAfterTheFirstFragment() {
    ChatCompletion c = accumulate(
        chunk(toolCalls(0, fragment(0, null, null, "{\"q\":"))),
        chunk(toolCalls(0, fragment(0, "call_9", "search", "1}"))));

    assertThat(calls(c)).containsExactly(ToolCall.function("call_9", "search", "{\"q\":1}"));
  }

  @Test
  void fragmentMembersItDoesNotKnowAreKeptOnTheCallAndFunction() {
    ChatCompletion c = accumulate(chunk(toolCalls(0, ToolCall.builder().index(0).id("c1")
        .type("function").putExtra("thought_signature", "\"sig\"")
        .function(FunctionCall.builder().name("f").arguments("{}").putExtra("strict", "true")
            .build()).build())));

    ToolCall call = calls(c).get(0);
    assertThat(call.getExtras()).containsEntry("thought_signature", "\"sig\"");
    assertThat(call.getFunction().getExtras()).containsEntry("strict", "true");
  }

  @Test
  void deprecatedFunctionCallTakesTheFirstNameAndConcatenatesArguments() {
    ChatCompletion c = accumulate(
        chunk(choice(0, Delta.builder()
            .functionCall(FunctionCall.builder().name("get_weather").arguments("").build()).build())),
        chunk(choice(0, Delta.builder()
            .functionCall(FunctionCall.builder().arguments("{\"city\":").build()).build())),
        chunk(choice(0, Delta.builder()
            .functionCall(FunctionCall.builder().arguments("\"Oslo\"}").build()).build())));

    assertThat(c.getChoices().get(0).getMessage().getFunctionCall())
        .isEqualTo(FunctionCall.of("get_weather", "{\"city\":\"Oslo\"}"));
  }
}
