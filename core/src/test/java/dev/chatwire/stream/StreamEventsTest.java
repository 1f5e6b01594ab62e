package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.choice;
import static dev.chatwire.stream.Chunks.chunk;
import static dev.chatwire.stream.Chunks.content;
import static dev.chatwire.stream.Chunks.finish;
import static dev.chatwire.stream.Chunks.fragment;
import static dev.chatwire.stream.Chunks.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.ResponseFormat;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chunk sequences shaped like recorded ones, and the events they give. */
class StreamEventsTest {
  private static ChunkChoice refusal(int index, String text) {
    return choice(index, Delta.builder().refusal(text).build());
  }

  @Test
  void contentDeltasThenDoneWhenTheChoiceFinishes() {
    List<StreamEvent> events = Events.of(false,
        chunk(choice(0, Delta.builder().role(dev.chatwire.model.Role.ASSISTANT).content("").build())),
        chunk(content(0, "Hel")),
        chunk(content(0, "lo")),
        chunk(finish(0, FinishReason.STOP)));

    assertThat(Events.describe(events)).containsExactly(
        "content 0 +Hel", "content 0 +lo", "contentDone 0 Hello", "completion 1");
    assertThat(((ContentDelta) events.get(1)).getContent()).isEqualTo("Hello");
    assertThat(((ContentDelta) events.get(0)).getContent()).isEqualTo("Hel");
  }

  @Test
  void reasoningIsDoneWhenTheAnswerBegins() {
    List<StreamEvent> events = Events.of(false,
        chunk(choice(0, Delta.builder().reasoningContent("Think").build())),
        chunk(choice(0, Delta.builder().reasoningContent("ing.").content("").build())),
        chunk(content(0, "Yes")),
        chunk(finish(0, FinishReason.STOP)));

    assertThat(Events.describe(events)).containsExactly("reasoning 0 +Think", "reasoning 0 +ing.",
        "reasoningDone 0 Thinking.", "content 0 +Yes", "contentDone 0 Yes", "completion 1");
    assertThat(((ReasoningDelta) events.get(1)).getReasoning()).isEqualTo("Thinking.");
  }

  @Test
  void openRouterReasoningBeforeAToolCallAndReasoningLeftOpenAtTheFinish() {
    assertThat(Events.describe(Events.of(false,
        chunk(choice(0, Delta.builder().reasoning("Need the weather.").build())),
        chunk(toolCalls(0, fragment(0, "call_a", "get_weather", "{}"))),
        chunk(finish(0, FinishReason.TOOL_CALLS))))).containsExactly(
        "reasoning 0 +Need the weather.", "reasoningDone 0 Need the weather.",
        "args 0/0 call_a get_weather +{}", "callDone 0/0 call_a get_weather {}", "completion 1");
    assertThat(Events.describe(Events.of(false,
        chunk(choice(0, Delta.builder().reasoning("Only thought").build())),
        chunk(finish(0, FinishReason.LENGTH))))).containsExactly(
        "reasoning 0 +Only thought", "reasoningDone 0 Only thought", "completion 1");
  }

  @Test
  void refusalDeltasThenDone() {
    List<StreamEvent> events = Events.of(true,
        chunk(refusal(0, "I can't")),
        chunk(refusal(0, " help.")),
        chunk(finish(0, FinishReason.STOP)));

    assertThat(Events.describe(events)).containsExactly(
        "refusal 0 +I can't", "refusal 0 + help.", "refusalDone 0 I can't help.", "completion 1");
    assertThat(((RefusalDelta) events.get(1)).getRefusal()).isEqualTo("I can't help.");
  }

  @Test
  void sequentialCallIsDoneWhenTheNextCallStarts() {
    List<String> events = Events.describe(Events.of(false,
        chunk(toolCalls(0, fragment(0, "call_a", "get_weather", ""))),
        chunk(toolCalls(0, fragment(0, null, null, "{\"city\":"))),
        chunk(toolCalls(0, fragment(0, null, null, "\"Paris\"}"))),
        chunk(toolCalls(0, fragment(1, "call_b", "get_time", ""))),
        chunk(toolCalls(0, fragment(1, null, null, "{\"tz\":\"CET\"}"))),
        chunk(finish(0, FinishReason.TOOL_CALLS))));

    assertThat(events).containsExactly(
        "args 0/0 call_a get_weather +",
        "args 0/0 call_a get_weather +{\"city\":",
        "args 0/0 call_a get_weather +\"Paris\"}",
        "callDone 0/0 call_a get_weather {\"city\":\"Paris\"}",
        "args 0/1 call_b get_time +",
        "args 0/1 call_b get_time +{\"tz\":\"CET\"}",
        "callDone 0/1 call_b get_time {\"tz\":\"CET\"}",
        "completion 1");
  }

  @Test
  void interleavedParallelCallsAreDoneWhenTheChoiceFinishes() {
    List<StreamEvent> events = Events.of(false,
        chunk(toolCalls(0, fragment(0, "call_a", "add", "{\"a\":"))),
        chunk(toolCalls(0, fragment(1, "call_b", "mul", "{\"b\":"))),
        chunk(toolCalls(0, fragment(0, null, null, "2}"), fragment(1, null, null, "3}"))),
        chunk(finish(0, FinishReason.TOOL_CALLS)));

    assertThat(Events.describe(events)).containsExactly(
        "args 0/0 call_a add +{\"a\":",
        "args 0/1 call_b mul +{\"b\":",
        "args 0/0 call_a add +2}",
        "args 0/1 call_b mul +3}",
        "callDone 0/0 call_a add {\"a\":2}",
        "callDone 0/1 call_b mul {\"b\":3}",
        "completion 1");
    assertThat(((ToolCallArgumentsDelta) events.get(0)).getPartialValue())
        .isEqualTo(Collections.emptyMap());
    assertThat(((ToolCallArgumentsDelta) events.get(3)).getPartialValue())
        .isEqualTo(Collections.singletonMap("b", 3L));
    assertThat(((ToolCallArgumentsDelta) events.get(3)).getArguments()).isEqualTo("{\"b\":3}");
  }

  @Test
  void eachChoiceHasItsOwnState() {
    List<String> events = Events.describe(Events.of(false,
        chunk(content(0, "A"), content(1, "x")),
        chunk(content(1, "y"), content(0, "B")),
        chunk(finish(1, FinishReason.LENGTH)),
        chunk(content(0, "C"), finish(0, FinishReason.STOP))));

    assertThat(events).containsExactly(
        "content 0 +A", "content 1 +x", "content 1 +y", "content 0 +B",
        "contentDone 1 xy", "content 0 +C", "contentDone 0 ABC", "completion 2");
  }

  @Test
  void aStreamCutShortOfItsFinishEndsOpenPartsAtTheEnd() {
    List<String> events = Events.describe(Events.of(false,
        chunk(choice(1, Delta.builder().content("partial").build())),
        chunk(toolCalls(0, fragment(0, "c1", "f", "{\"q\":\"a"))),
        chunk(refusal(0, "no"))));

    assertThat(events).containsExactly(
        "content 1 +partial", "args 0/0 c1 f +{\"q\":\"a", "refusal 0 +no",
        "refusalDone 0 no", "callDone 0/0 c1 f {\"q\":\"a", "contentDone 1 partial",
        "completion 2");
  }

  @Test
  void jsonContentCarriesThePartialValueSoFar() {
    List<StreamEvent> events = Events.of(true,
        chunk(content(0, "{\"title\": \"Ha")),
        chunk(content(0, "iku\", \"lines\": [\"a")),
        chunk(content(0, "\"]}")),
        chunk(finish(0, FinishReason.STOP)));

    ContentDelta first = (ContentDelta) events.get(0);
    assertThat(first.isJson()).isTrue();
    assertThat(first.getPartialValue()).isEqualTo(Collections.singletonMap("title", "Ha"));
    assertThat(((ContentDelta) events.get(1)).getPartialValue()).hasToString("{title=Haiku, lines=[a]}");
    assertThat(((ContentDone) events.get(3)).getContent())
        .isEqualTo("{\"title\": \"Haiku\", \"lines\": [\"a\"]}");
  }

  @Test
  void plainContentHasNoPartialValue() {
    ContentDelta delta = (ContentDelta) Events.of(false, chunk(content(0, "{\"a\":1}"))).get(0);

    assertThat(delta.isJson()).isFalse();
    assertThat(delta.getPartialValue()).isNull();
  }

  @Test
  void malformedArgumentsHaveNoPartialValueButKeepTheirText() {
    List<StreamEvent> events = Events.of(false,
        chunk(toolCalls(0, fragment(0, "c1", "f", "{\"a\":1"))),
        chunk(toolCalls(0, fragment(0, null, null, "}}oops"))),
        chunk(finish(0, FinishReason.TOOL_CALLS)));

    assertThat(((ToolCallArgumentsDelta) events.get(0)).getPartialValue()).isNotNull();
    assertThat(((ToolCallArgumentsDelta) events.get(1)).getPartialValue()).isNull();
    assertThat(((ToolCallDone) events.get(2)).getArguments()).isEqualTo("{\"a\":1}}oops");
  }

  @Test
  void aPartialValueIsTheOneOfItsEventEvenWhenReadLater() throws InterruptedException {
    List<StreamEvent> events = Events.of(false,
        chunk(toolCalls(0, fragment(0, "c1", "f", "{\"city\": \"Pa"))),
        chunk(toolCalls(0, fragment(0, null, null, "ris\", \"days\": 3}"))));
    ToolCallArgumentsDelta early = (ToolCallArgumentsDelta) events.get(0);
    Object[] seen = new Object[1];
    Thread other = new Thread(() -> seen[0] = early.getPartialValue());
    other.start();
    other.join();

    assertThat(early.getPartialValue()).isEqualTo(Collections.singletonMap("city", "Pa"));
    assertThat(seen[0]).isEqualTo(Collections.singletonMap("city", "Pa"));
    assertThat(early.getArguments()).isEqualTo("{\"city\": \"Pa");
  }

  @Test
  void contentIsReadAsJsonWhenTheRequestAsksForJson() {
    ChatCompletionRequest.Builder request = ChatCompletionRequest.builder().model("m").addUserMessage("hi");

    assertThat(StreamEvents.forRequest(request.build()).isJsonContent()).isFalse();
    assertThat(StreamEvents.forRequest(request.responseFormat(ResponseFormat.TEXT).build())
        .isJsonContent()).isFalse();
    assertThat(StreamEvents.forRequest(request.responseFormat(ResponseFormat.JSON_OBJECT).build())
        .isJsonContent()).isTrue();
    assertThat(StreamEvents.forRequest(request.responseFormat(
        ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}")).build())
        .isJsonContent()).isTrue();
  }

  @Test
  void callsAllNumberedZeroAreToldApartByTheirIds() {
    List<String> events = Events.describe(Events.of(false,
        chunk(toolCalls(0, fragment(0, "call_a", "add", "{\"a\":1}"))),
        chunk(toolCalls(0, fragment(0, "call_b", "add", "{\"a\":"))),
        chunk(toolCalls(0, fragment(0, null, null, "2}"))),
        chunk(finish(0, FinishReason.TOOL_CALLS))));

    assertThat(events).containsExactly(
        "args 0/0 call_a add +{\"a\":1}",
        "callDone 0/0 call_a add {\"a\":1}",
        "args 0/0 call_b add +{\"a\":",
        "args 0/0 call_b add +2}",
        "callDone 0/0 call_b add {\"a\":2}",
        "completion 1");
  }

  @Test
  void toolCallsOfTwoChoicesStayApart() {
    List<String> events = Events.describe(Events.of(false,
        chunk(toolCalls(0, fragment(0, "x0", "f", "{\"n\":")),
            toolCalls(1, fragment(0, "y0", "g", "[1,"))),
        chunk(toolCalls(1, fragment(0, null, null, "2]")),
            toolCalls(0, fragment(0, null, null, "0}"))),
        chunk(finish(1, FinishReason.TOOL_CALLS), finish(0, FinishReason.TOOL_CALLS))));

    assertThat(events).containsExactly(
        "args 0/0 x0 f +{\"n\":", "args 1/0 y0 g +[1,", "args 1/0 y0 g +2]", "args 0/0 x0 f +0}",
        "callDone 1/0 y0 g [1,2]", "callDone 0/0 x0 f {\"n\":0}", "completion 2");
  }

  @Test
  void anIndexOutsideTheBoundIsRefusedAsTheAccumulatorRefusesIt() {
    StreamEvents events = new StreamEvents(false);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> events.add(chunk(toolCalls(0, fragment(5000, "c", "f", "{}"))), e -> {}))
        .isInstanceOf(dev.chatwire.error.DecodeException.class)
        .hasMessageContaining("outside the allowed range");
  }
}
