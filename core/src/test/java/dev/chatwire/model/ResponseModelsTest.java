package dev.chatwire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseModelsTest {
  static TokenLogprob token() {
    return TokenLogprob.builder().token("a").logprob(-0.5).bytes(Arrays.asList(97))
        .addTopLogprob(TopLogprob.builder().token("b").logprob(-1).bytes(null).putExtra("t", "1")
            .build())
        .putExtra("id", "3").build();
  }

  static Usage usage() {
    return Usage.builder().promptTokens(1).completionTokens(2).totalTokens(3)
        .promptTokensDetails(PromptTokensDetails.builder().cachedTokens(4).audioTokens(5).build())
        .completionTokensDetails(CompletionTokensDetails.builder().reasoningTokens(6)
            .audioTokens(7).acceptedPredictionTokens(8).rejectedPredictionTokens(9).build())
        .putExtra("queue_time", "0.1").build();
  }

  static ChatCompletion completion() {
    ChatCompletionMessage message = ChatCompletionMessage.builder().role(Role.ASSISTANT)
        .content("hi").refusal("no").addToolCall(ToolCall.function("c1", "f", "{}"))
        .functionCall(FunctionCall.of("g", "{}"))
        .audio(Audio.builder().id("a").data("AAAA").expiresAt(9L).transcript("t").build())
        .reasoningContent("rc").reasoning("r").putExtra("annotations", "[]").build();
    Choice choice = Choice.builder().index(1).message(message).finishReason(FinishReason.STOP)
        .logprobs(Logprobs.builder().content(Collections.singletonList(token()))
            .refusal(Collections.<TokenLogprob>emptyList()).build())
        .stopReason(StopReason.ofTokenId(2)).putExtra("content_filter_results", "{}").build();
    return ChatCompletion.builder().id("id").object("chat.completion").created(7L).model("m")
        .addChoice(choice).usage(usage()).serviceTier(ServiceTier.PRIORITY)
        .systemFingerprint("fp").putExtra("x_groq", "{}").build();
  }

  static ChatCompletionChunk chunk() {
    Delta delta = Delta.builder().role(Role.ASSISTANT).content("h").refusal("n")
        .addToolCall(ToolCall.builder().index(0).id("c").build())
        .functionCall(FunctionCall.builder().arguments("{").build())
        .audio(Audio.builder().transcript("t").build()).reasoningContent("rc").reasoning("r")
        .putExtra("channel", "\"analysis\"").build();
    ChunkChoice choice = ChunkChoice.builder().index(0).delta(delta).finishReason(null)
        .logprobs(null).stopReason(StopReason.ofText("</s>")).putExtra("k", "1").build();
    return ChatCompletionChunk.builder().id("id").object("chat.completion.chunk").created(7L)
        .model("m").addChoice(choice).usage(null).serviceTier(ServiceTier.AUTO)
        .systemFingerprint("fp").putExtra("obfuscation", "\"x\"").build();
  }

  @Test
  void toBuilderRebuildsAnEqualValueAtEveryLevel() {
    ChatCompletion c = completion();
    assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
    Choice choice = c.getChoices().get(0);
    assertThat(choice.toBuilder().build()).isEqualTo(choice);
    assertThat(choice.getMessage().toBuilder().build()).isEqualTo(choice.getMessage());
    assertThat(choice.getMessage().getAudio().toBuilder().build())
        .isEqualTo(choice.getMessage().getAudio());
    assertThat(choice.getLogprobs().toBuilder().build()).isEqualTo(choice.getLogprobs());
    TokenLogprob t = choice.getLogprobs().getContent().get(0);
    assertThat(t.toBuilder().build()).isEqualTo(t).hasSameHashCodeAs(t);
    assertThat(t.getTopLogprobs().get(0).toBuilder().build()).isEqualTo(t.getTopLogprobs().get(0));
    Usage u = c.getUsage();
    assertThat(u.toBuilder().build()).isEqualTo(u).hasSameHashCodeAs(u);
    assertThat(u.getPromptTokensDetails().toBuilder().build()).isEqualTo(u.getPromptTokensDetails());
    assertThat(u.getCompletionTokensDetails().toBuilder().build())
        .isEqualTo(u.getCompletionTokensDetails());
    ChatCompletionChunk k = chunk();
    assertThat(k.toBuilder().build()).isEqualTo(k).hasSameHashCodeAs(k);
    assertThat(k.getChoices().get(0).toBuilder().build()).isEqualTo(k.getChoices().get(0));
    assertThat(k.getChoices().get(0).getDelta().toBuilder().build())
        .isEqualTo(k.getChoices().get(0).getDelta());
  }

  @Test
  void aChangedMemberMakesValuesUnequal() {
    ChatCompletion c = completion();
    assertThat(c.toBuilder().model("other").build()).isNotEqualTo(c);
    assertThat(c.toBuilder().putExtra("y", "1").build()).isNotEqualTo(c);
    assertThat(usage().toBuilder().totalTokens(4).build()).isNotEqualTo(usage());
    assertThat(token().toBuilder().logprob(-0.25).build()).isNotEqualTo(token());
    assertThat(chunk().toBuilder().choices(Collections.<ChunkChoice>emptyList()).build())
        .isNotEqualTo(chunk());
  }

  @Test
  void listsAndExtrasAreImmutableCopies() {
    List<Choice> choices = new ArrayList<>(completion().getChoices());
    ChatCompletion c = ChatCompletion.builder().choices(choices).build();
    choices.clear();
    assertThat(c.getChoices()).hasSize(1);
    assertThatThrownBy(() -> c.getChoices().add(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.getExtras().put("a", "b"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> completion().getChoices().get(0).getMessage().getToolCalls().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void addChoiceAfterChoicesDoesNotTouchTheCallersList() {
    List<ChunkChoice> given = new ArrayList<>(chunk().getChoices());
    ChatCompletionChunk c = ChatCompletionChunk.builder().choices(given)
        .addChoice(ChunkChoice.builder().index(1).build()).build();
    assertThat(given).hasSize(1);
    assertThat(c.getChoices()).extracting(ChunkChoice::getIndex).containsExactly(0, 1);
  }

  @Test
  void emptyBuildersGiveEmptyNonNullCollectionsAndDefaults() {
    ChatCompletionChunk c = ChatCompletionChunk.builder().build();
    assertThat(c.getChoices()).isEmpty();
    assertThat(c.getExtras()).isEmpty();
    assertThat(c.getId()).isNull();
    ChunkChoice choice = ChunkChoice.builder().build();
    assertThat(choice.getDelta().getToolCalls()).isEmpty();
    assertThat(Choice.builder().build().getMessage().getContent()).isNull();
    assertThat(TokenLogprob.builder().build().getToken()).isEmpty();
    assertThat(TokenLogprob.builder().build().getTopLogprobs()).isEmpty();
  }

  @Test
  void textIsTheFirstChoicesContentOrNull() {
    Choice second = Choice.builder().index(1)
        .message(ChatCompletionMessage.builder().content("second").build()).build();
    assertThat(completion().toBuilder().addChoice(second).build().getText()).isEqualTo("hi");
    assertThat(ChatCompletion.builder().build().getText()).isNull();
    assertThat(ChatCompletion.builder().addChoice(Choice.builder().build()).build().getText())
        .isNull();
  }

  @Test
  void stopReasonDistinguishesTextFromTokenId() {
    assertThat(StopReason.ofText("7")).isNotEqualTo(StopReason.ofTokenId(7));
    assertThat(StopReason.ofText("a")).isEqualTo(StopReason.ofText("a"))
        .hasSameHashCodeAs(StopReason.ofText("a"));
    assertThat(StopReason.ofTokenId(7)).hasSameHashCodeAs(StopReason.ofTokenId(7));
    assertThat(StopReason.ofTokenId(7).toString()).isEqualTo("7");
    assertThat(StopReason.ofText("</s>").toString()).isEqualTo("</s>");
  }

  @Test
  void toStringNamesMembersButNotAudioData() {
    String s = completion().toString();
    assertThat(s).contains("id=id", "content=hi", "totalTokens=3", "x_groq")
        .doesNotContain("AAAA");
    assertThat(chunk().toString()).contains("ChunkChoice{index=0", "stopReason=</s>");
  }
}
