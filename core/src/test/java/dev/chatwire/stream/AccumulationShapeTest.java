package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.accumulate;
import static dev.chatwire.stream.Chunks.base;
import static dev.chatwire.stream.Chunks.choice;
import static dev.chatwire.stream.Chunks.chunk;
import static dev.chatwire.stream.Chunks.content;
import static dev.chatwire.stream.Chunks.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.error.DecodeException;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import dev.chatwire.internal.json.RequestCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an accumulated completion looks like next to a non-streamed one, and the index bound. */
class AccumulationShapeTest {

  private static ToolCall untyped(int index, String id, String name, String args) {
    return ToolCall.builder().index(index).id(id)
        .function(FunctionCall.builder().name(name).arguments(args).build()).build();
  }

  @Test
  void aToolCallWhoseFragmentsNeverNamedATypeComesOutAsAFunction() {
    ChatCompletion c = accumulate(chunk(toolCalls(0, untyped(0, "gSIMJiOkT", "weather", "{}"))));

    ToolCall call = c.getChoices().get(0).getMessage().getToolCalls().get(0);
    assertThat(call.getType()).isEqualTo("function");
    assertThat(ChatJson.write(c)).contains("\"type\":\"function\"");
  }

  @Test
  void aToolCallSentBackWithoutATypeIsWrittenAsAFunction() {
    ToolCall call = untyped(0, "c1", "weather", "{}").toBuilder().index(null).build();
    ChatCompletionRequest request = ChatCompletionRequest.builder().model("m")
        .addMessage(ChatMessage.user("weather?"))
        .addMessage(ChatMessage.assistant(null, Collections.singletonList(call)))
        .build();

    assertThat(new String(RequestCodec.write(request), StandardCharsets.UTF_8))
        .contains("\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":");
  }

  @Test
  void aCompletionWhoseChunksCarriedNoCreatedHasNoneAndWritesNone() {
    ChatCompletionChunk noCreated = base().created(null).addChoice(content(0, "hi")).build();
    ChatCompletion c = accumulate(noCreated, noCreated);

    assertThat(c.getCreated()).isNull();
    assertThat(ChatJson.write(c)).doesNotContain("created");
    assertThat(ChatJson.readCompletion(ChatJson.write(c)).getCreated()).isNull();
  }

  @Test
  void aCreatedOfZeroFromEveryChunkStaysZero() {
    ChatCompletion c = accumulate(base().created(0L).addChoice(content(0, "a")).build());

    assertThat(c.getCreated()).isZero();
  }

  @Test
  void choicesArrivingInDescendingIndexOrderComeOutSorted() {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    for (int i = 1023; i >= 0; i--) chunks.add(chunk(content(i, "c" + i)));
    ChatCompletion c = accumulate(chunks.toArray(new ChatCompletionChunk[0]));

    assertThat(c.getChoices()).hasSize(1024);
    for (int i = 0; i < 1024; i++) {
      assertThat(c.getChoices().get(i).getIndex()).isEqualTo(i);
      assertThat(c.getChoices().get(i).getMessage().getContent()).isEqualTo("c" + i);
    }
  }

  @Test
  void toolCallsInDescendingIndexOrderComeOutSortedWithSameIndexCallsInArrivalOrder() {
    List<ToolCall> fragments = new ArrayList<>();
    for (int i = 1023; i >= 0; i--) fragments.add(untyped(i, "id" + i, "f", "{}"));
    fragments.add(untyped(5, "second5", "f", "{}"));
    ChatCompletion c = accumulate(chunk(toolCalls(0, fragments.toArray(new ToolCall[0]))));

    List<ToolCall> calls = c.getChoices().get(0).getMessage().getToolCalls();
    assertThat(calls).hasSize(1025);
    assertThat(calls.get(0).getId()).isEqualTo("id0");
    assertThat(calls.get(5).getId()).isEqualTo("id5");
    assertThat(calls.get(6).getId()).isEqualTo("second5");
    assertThat(calls.get(1024).getId()).isEqualTo("id1023");
  }

  @Test
  void anAbsurdChoiceIndexIsRefusedNamingIt() {
    ChunkAccumulator acc = new ChunkAccumulator();
    acc.add(chunk(content(0, "kept")));

    assertThatThrownBy(() -> acc.add(chunk(content(60_000, "x"))))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("60000")
        .hasMessageContaining("0..1023");
    assertThat(acc.snapshot().getChoices().get(0).getMessage().getContent()).isEqualTo("kept");
  }

  @Test
  void anAbsurdOrNegativeToolCallIndexIsRefused() {
    ChunkAccumulator acc = new ChunkAccumulator();

    assertThatThrownBy(() -> acc.add(chunk(toolCalls(0, untyped(60_000, "a", "f", "{}")))))
        .isInstanceOf(DecodeException.class).hasMessageContaining("tool_calls index (60000)");
    assertThatThrownBy(() -> acc.add(chunk(toolCalls(0, untyped(-1, "a", "f", "{}")))))
        .isInstanceOf(DecodeException.class).hasMessageContaining("(-1)");
  }

  @Test
  void aChoiceWithNoDeltaStillCounts() {
    ChunkChoice part = choice(2, Delta.builder().build());
    assertThat(accumulate(chunk(part)).getChoices().get(0).getIndex()).isEqualTo(2);
  }
}
