package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.accumulate;
import static dev.chatwire.stream.Chunks.choice;
import static dev.chatwire.stream.Chunks.chunk;
import static dev.chatwire.stream.Chunks.content;
import static dev.chatwire.stream.Chunks.finish;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.Audio;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Role;
import dev.chatwire.model.StopReason;
import org.junit.jupiter.api.Test;

class ChunkAccumulatorTest {
  @Test
  void snapshotBeforeAnyChunkIsAnEmptyCompletion() {
    ChunkAccumulator acc = new ChunkAccumulator();

    ChatCompletion c = acc.snapshot();

    assertThat(c.getObject()).isEqualTo("chat.completion");
    assertThat(c.getChoices()).isEmpty();
    assertThat(c.getId()).isNull();
    assertThat(c.getUsage()).isNull();
    assertThat(acc.getChunkCount()).isZero();
  }

  @Test
  void contentPiecesAreConcatenatedIntoOneMessage() {
    ChatCompletion c = accumulate(
        chunk(choice(0, Delta.builder().role(Role.ASSISTANT).content("").build())),
        chunk(content(0, "Hel")),
        chunk(content(0, "lo")),
        chunk(finish(0, FinishReason.STOP)));

    assertThat(c.getObject()).isEqualTo("chat.completion");
    assertThat(c.getId()).isEqualTo("chatcmpl-1");
    assertThat(c.getChoices()).hasSize(1);
    Choice choice = c.getChoices().get(0);
    assertThat(choice.getMessage().getContent()).isEqualTo("Hello");
    assertThat(choice.getMessage().getRole()).isEqualTo(Role.ASSISTANT);
    assertThat(choice.getFinishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void interleavedChoicesArrivingOutOfOrderComeOutSortedByIndex() {
    ChatCompletion c = accumulate(
        chunk(content(2, "c1")),
        chunk(content(0, "a1")),
        chunk(content(1, "b1"), content(2, "c2")),
        chunk(content(0, "a2")),
        chunk(finish(1, FinishReason.STOP), content(1, "")),
        chunk(content(1, "b2")),
        chunk(finish(2, FinishReason.LENGTH), finish(0, FinishReason.STOP)));

    assertThat(c.getChoices()).extracting(Choice::getIndex).containsExactly(0, 1, 2);
    assertThat(c.getChoices()).extracting(x -> x.getMessage().getContent())
        .containsExactly("a1a2", "b1b2", "c1c2");
    assertThat(c.getChoices()).extracting(Choice::getFinishReason)
        .containsExactly(FinishReason.STOP, FinishReason.STOP, FinishReason.LENGTH);
  }

  @Test
  void roleIsTheFirstNonNullAndLaterNullRolesAreIgnored() {
    ChatCompletion c = accumulate(
        chunk(choice(0, Delta.builder().role(Role.of("model")).content("a").build())),
        chunk(choice(0, Delta.builder().role(null).content("b").build())),
        chunk(choice(0, Delta.builder().role(Role.ASSISTANT).content("c").build())));

    assertThat(c.getChoices().get(0).getMessage().getRole()).isEqualTo(Role.of("model"));
  }

  @Test
  void roleDefaultsToAssistantWhenNoChunkSentOne() {
    ChatCompletion c = accumulate(chunk(content(0, "hi")));

    assertThat(c.getChoices().get(0).getMessage().getRole()).isEqualTo(Role.ASSISTANT);
  }

  @Test
  void textMembersStayNullWhenNoPieceCame() {
    ChatCompletion c = accumulate(chunk(content(0, "hi")), chunk(finish(0, FinishReason.STOP)));

    ChatCompletionMessage m = c.getChoices().get(0).getMessage();
    assertThat(m.getRefusal()).isNull();
    assertThat(m.getReasoningContent()).isNull();
    assertThat(m.getReasoning()).isNull();
    assertThat(m.getToolCalls()).isEmpty();
    assertThat(m.getFunctionCall()).isNull();
    assertThat(m.getAudio()).isNull();
  }

  @Test
  void emptyContentPiecesMakeAnEmptyContentNotANullOne() {
    ChatCompletion c = accumulate(chunk(content(0, "")), chunk(finish(0, FinishReason.STOP)));

    assertThat(c.getChoices().get(0).getMessage().getContent()).isEmpty();
  }

  @Test
  void refusalPiecesAreConcatenatedAndContentStaysNull() {
    ChatCompletion c = accumulate(
        chunk(choice(0, Delta.builder().role(Role.ASSISTANT).refusal("").build())),
        chunk(choice(0, Delta.builder().refusal("I'm sorry, ").build())),
        chunk(choice(0, Delta.builder().refusal("I can't help.").build())),
        chunk(finish(0, FinishReason.STOP)));

    ChatCompletionMessage m = c.getChoices().get(0).getMessage();
    assertThat(m.getRefusal()).isEqualTo("I'm sorry, I can't help.");
    assertThat(m.getContent()).isNull();
  }

  @Test
  void reasoningContentAndReasoningAreConcatenatedApartFromContent() {
    ChatCompletion c = accumulate(
        chunk(choice(0, Delta.builder().reasoningContent("Let me ").build())),
        chunk(choice(0, Delta.builder().reasoningContent("think.").reasoning("r1").build())),
        chunk(choice(0, Delta.builder().reasoning("r2").build())),
        chunk(content(0, "42")));

    ChatCompletionMessage m = c.getChoices().get(0).getMessage();
    assertThat(m.getReasoningContent()).isEqualTo("Let me think.");
    assertThat(m.getReasoning()).isEqualTo("r1r2");
    assertThat(m.getContent()).isEqualTo("42");
  }

  @Test
  void audioFragmentsJoinDataAndTranscriptAndKeepTheFirstIdAndExpiry() {
    ChatCompletion c = accumulate(
        chunk(choice(0, Delta.builder().audio(
            Audio.builder().id("audio_1").transcript("Hel").expiresAt(1729018505L).build()).build())),
        chunk(choice(0, Delta.builder().audio(Audio.builder().data("AAA").build()).build())),
        chunk(choice(0, Delta.builder().audio(
            Audio.builder().data("BBB").transcript("lo").expiresAt(1L).build()).build())));

    Audio audio = c.getChoices().get(0).getMessage().getAudio();
    assertThat(audio).isEqualTo(Audio.builder().id("audio_1").data("AAABBB")
        .expiresAt(1729018505L).transcript("Hello").build());
  }

  @Test
  void finishReasonIsTheLastNonNullOne() {
    ChatCompletion c = accumulate(
        chunk(finish(0, FinishReason.LENGTH)),
        chunk(content(0, "late")),
        chunk(finish(0, FinishReason.STOP)),
        chunk(content(0, "")));

    assertThat(c.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void stopReasonComesFromTheChunkThatFinishedTheChoice() {
    ChatCompletion c = accumulate(
        chunk(ChunkChoice.builder().index(0).delta(Delta.builder().content("a").build())
            .stopReason(StopReason.ofText("ignored: not finishing")).build()),
        chunk(ChunkChoice.builder().index(0).finishReason(FinishReason.STOP)
            .stopReason(StopReason.ofTokenId(128009)).build()));

    assertThat(c.getChoices().get(0).getStopReason()).isEqualTo(StopReason.ofTokenId(128009));
  }

  @Test
  void stopReasonSurvivesARepeatedFinishWithoutOne() {
    ChatCompletion c = accumulate(
        chunk(ChunkChoice.builder().index(0).finishReason(FinishReason.STOP)
            .stopReason(StopReason.ofText("</answer>")).build()),
        chunk(finish(0, FinishReason.STOP)));

    assertThat(c.getChoices().get(0).getStopReason()).isEqualTo(StopReason.ofText("</answer>"));
  }

  @Test
  void aRepeatedFinishChunkIsMergedWithoutChangingTheMessage() {
    ChatCompletion c = accumulate(
        chunk(content(0, "Hi")),
        chunk(choice(0, Delta.builder().role(Role.ASSISTANT).content("").build()),
            finish(0, FinishReason.TOOL_CALLS)),
        chunk(ChunkChoice.builder().index(0).finishReason(FinishReason.TOOL_CALLS)
            .delta(Delta.builder().role(Role.ASSISTANT).content("").build()).build()));

    assertThat(c.getChoices()).hasSize(1);
    assertThat(c.getChoices().get(0).getMessage().getContent()).isEqualTo("Hi");
    assertThat(c.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.TOOL_CALLS);
  }

  @Test
  void snapshotMidStreamIsUnchangedByLaterChunks() {
    ChunkAccumulator acc = new ChunkAccumulator();
    acc.add(chunk(content(0, "partial")));

    ChatCompletion before = acc.snapshot();
    acc.add(chunk(content(0, " answer")));
    acc.add(chunk(finish(0, FinishReason.STOP)));

    assertThat(before.getChoices().get(0).getMessage().getContent()).isEqualTo("partial");
    assertThat(before.getChoices().get(0).getFinishReason()).isNull();
    assertThat(acc.snapshot().getChoices().get(0).getMessage().getContent())
        .isEqualTo("partial answer");
  }

  @Test
  void chunkCountCountsEveryChunkIncludingThoseWithoutChoices() {
    ChunkAccumulator acc = new ChunkAccumulator();
    acc.add(chunk(content(0, "a")));
    acc.add(chunk());
    acc.add(chunk(finish(0, FinishReason.STOP)));

    assertThat(acc.getChunkCount()).isEqualTo(3);
  }
}
