package dev.chatwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.internal.json.RequestCodec;
import dev.chatwire.internal.json.RequestReading;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChatCompletionRequestTest {
  private static ChatCompletionRequest.Builder valid() {
    return ChatCompletionRequest.builder().model("m").addUserMessage("hi");
  }

  @Test
  void buildWithoutModelFails() {
    assertThatThrownBy(() -> ChatCompletionRequest.builder().addUserMessage("hi").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model is required and must not be blank");
  }

  @Test
  void buildWithBlankModelFails() {
    assertThatThrownBy(() -> valid().model(" ").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model is required and must not be blank");
  }

  @Test
  void aRequestWithoutMessagesFailsAtBuildSayingWhatIsMissing() {
    assertThatThrownBy(() -> ChatCompletionRequest.builder().model("m").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("messages is required");
  }

  @Test
  void oneMessageIsEnough() {
    ChatCompletionRequest r = ChatCompletionRequest.builder().model("m").addUserMessage("hi").build();
    assertThat(RequestCodec.writeString(r))
        .isEqualTo("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
  }

  @Test
  void streamOptionsThatAskForNothingAreNotSent() {
    ChatCompletionRequest.Builder b = ChatCompletionRequest.builder().model("m").addUserMessage("hi");
    assertThat(RequestCodec.writeString(b.streamOptions(StreamOptions.withoutUsage()).build()))
        .doesNotContain("stream_options");
    assertThat(RequestCodec.writeString(b.streamOptions(StreamOptions.builder().build()).build()))
        .doesNotContain("stream_options");
    assertThat(RequestCodec.writeString(b.streamOptions(StreamOptions.withUsage()).build()))
        .contains("\"stream_options\":{\"include_usage\":true}");
    assertThat(RequestCodec.writeString(b.streamOptions(
            StreamOptions.builder().putExtra("include_obfuscation", "false").build()).build()))
        .contains("\"stream_options\":{\"include_obfuscation\":false}");
  }

  @Test
  void nonFiniteNumbersAreRejectedWhenSet() {
    assertThatThrownBy(() -> valid().temperature(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("temperature must be a finite number but was NaN");
    assertThatThrownBy(() -> valid().topP(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().presencePenalty(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().frequencyPenalty(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void impossibleCountsAreRejectedWhenSet() {
    assertThatThrownBy(() -> valid().n(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("n must be at least 1 but was 0");
    assertThatThrownBy(() -> valid().maxTokens(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().maxCompletionTokens(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().topLogprobs(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extraThatIsNotOneJsonValueIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(() -> valid().putExtra("chat_template_kwargs", "{enable_thinking: false}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extra 'chat_template_kwargs' is not a single JSON value");
    assertThatThrownBy(() -> valid().putExtra("a", "1 2")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().putExtra("a", "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().putExtra("", "1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> valid().putExtra("a", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extraNamingAMemberAlsoSetByItsSetterFailsAtBuild() {
    ChatCompletionRequest.Builder b = valid().temperature(0.2).putExtra("temperature", "0.5");
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("extra 'temperature' conflicts with the value set by its own setter");
  }

  @Test
  void extraNamingAnUnsetKnownMemberIsWrittenAsGiven() {
    ChatCompletionRequest r = valid().putExtra("reasoning_effort", "\"minimal\"").build();
    assertThat(RequestCodec.writeString(r)).endsWith(",\"reasoning_effort\":\"minimal\"}");
    assertThat(RequestReading.read(RequestCodec.write(r)).getReasoningEffort())
        .isEqualTo(ReasoningEffort.MINIMAL);
  }

  @Test
  void removeExtraDropsIt() {
    ChatCompletionRequest r = valid().putExtra("top_k", 5).build();
    assertThat(r.toBuilder().removeExtra("top_k").build().getExtras()).isEmpty();
  }

  @Test
  void builtRequestIsImmutableAndIndependentOfItsBuilder() {
    ChatCompletionRequest.Builder b = valid().putMetadata("k", "v").addTool(Tool.function("f", null, null));
    ChatCompletionRequest r = b.build();
    b.addUserMessage("more").putMetadata("k2", "v").model("other");
    assertThat(r.getMessages()).hasSize(1);
    assertThat(r.getMetadata()).containsOnlyKeys("k");
    assertThat(r.getModel()).isEqualTo("m");
    assertThatThrownBy(() -> r.getMessages().add(ChatMessage.user("x")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.getExtras().put("a", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void toStringAbbreviatesLongDataAndLeavesOutUnsetValues() {
    StringBuilder data = new StringBuilder("data:image/png;base64,");
    for (int i = 0; i < 100_000; i++) data.append('A');
    ChatCompletionRequest r = ChatCompletionRequest.builder().model("gpt-4o")
        .addMessage(ChatMessage.user(ContentPart.text("what is this?"),
            ContentPart.imageUrl(data.toString())))
        .putExtra("blob", '"' + data.toString() + '"')
        .build();
    String s = r.toString();
    assertThat(s).hasSizeLessThan(1_000)
        .contains("model=gpt-4o", "what is this?", "data:image/png;base64,AAAA", "(100022 chars)",
            "(100024 chars)")
        .doesNotContain("temperature", "tools=");
  }

  @Test
  void seedAcceptsAnIntFromJava() {
    assertThat(valid().seed(42).build().getSeed()).isEqualTo(42L);
    assertThat(valid().seed(42).seed((Long) null).build().getSeed()).isNull();
  }

  @Test
  void stopConveniencesKeepShape() {
    assertThat(valid().stop("x").build().getStop()).isEqualTo(Stop.of("x"));
    assertThat(valid().stop(Arrays.asList("x")).build().getStop().isList()).isTrue();
  }

  @Test
  void nullMessageFailsAtBuild() {
    assertThatThrownBy(() -> valid().addMessage(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessage("messages must not contain null");
  }
}
