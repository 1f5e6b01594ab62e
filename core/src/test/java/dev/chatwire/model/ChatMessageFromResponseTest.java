package dev.chatwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.json.RequestCodec;
import dev.chatwire.json.ChatJson;
import org.junit.jupiter.api.Test;

class ChatMessageFromResponseTest {
  @Test
  void keepsContentRefusalToolCallsReasoningAndExtras() {
    ChatCompletionMessage answer = ChatCompletionMessage.builder().role(Role.ASSISTANT)
        .content("hi").refusal("no")
        .addToolCall(ToolCall.function("c1", "f", "{\"a\":1}").toBuilder().index(0).build())
        .functionCall(FunctionCall.of("g", "{}"))
        .audio(Audio.builder().id("audio_1").data("AAAA").transcript("t").build())
        .reasoningContent("thought").reasoning("other \"thought\"")
        .putExtra("annotations", "[]").build();

    ChatMessage m = ChatMessage.fromResponse(answer);

    assertThat(m.getRole()).isEqualTo(Role.ASSISTANT);
    assertThat(m.getContent()).isEqualTo("hi");
    assertThat(m.getRefusal()).isEqualTo("no");
    assertThat(m.getToolCalls()).containsExactly(ToolCall.function("c1", "f", "{\"a\":1}"));
    assertThat(m.getFunctionCall()).isEqualTo(FunctionCall.of("g", "{}"));
    assertThat(m.getAudio()).isEqualTo(AudioReference.of("audio_1"));
    assertThat(m.getReasoningContent()).isEqualTo("thought");
    assertThat(m.getExtras()).containsEntry("annotations", "[]")
        .containsEntry("reasoning", "\"other \\\"thought\\\"\"");
  }

  @Test
  void aMessageWithoutRoleBecomesAnAssistantMessageThatWritesBack() {
    String json = "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"message\":{\"content\":null,\"tool_calls\":[{\"id\":\"c\","
        + "\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}],"
        + "\"reasoning_content\":\"r\"},\"finish_reason\":\"tool_calls\"}]}";
    ChatCompletionMessage answer =
        ChatJson.readCompletion(json).getChoices().get(0).getMessage();

    ChatMessage m = ChatMessage.fromResponse(answer);
    String request = RequestCodec.writeString(ChatCompletionRequest.builder().model("m")
        .addMessage(m).build());

    assertThat(m.getRole()).isEqualTo(Role.ASSISTANT);
    assertThat(request).contains("\"role\":\"assistant\"")
        .contains("\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\"")
        .contains("\"reasoning_content\":\"r\"").doesNotContain("index");
  }
}
