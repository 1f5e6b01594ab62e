package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.accumulate;
import static dev.chatwire.stream.Chunks.base;
import static dev.chatwire.stream.Chunks.chunk;
import static dev.chatwire.stream.Chunks.content;
import static dev.chatwire.stream.Chunks.finish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.Usage;
import org.junit.jupiter.api.Test;

class TopLevelAccumulationTest {
  private static final Usage USAGE = Usage.builder().promptTokens(9).completionTokens(3)
      .totalTokens(12).build();

  @Test
  void usageFromAFinalChunkWithNoChoices() {
    ChatCompletion c = accumulate(
        chunk(content(0, "hi")),
        chunk(finish(0, FinishReason.STOP)),
        base().usage(USAGE).build());

    assertThat(c.getUsage()).isEqualTo(USAGE);
    assertThat(c.getChoices()).hasSize(1);
  }

  @Test
  void usageFromTheFinishChunk() {
    ChatCompletion c = accumulate(
        chunk(content(0, "hi")),
        base().addChoice(finish(0, FinishReason.STOP)).usage(USAGE).build());

    assertThat(c.getUsage()).isEqualTo(USAGE);
  }

  @Test
  void usageOnEveryChunkKeepsTheLast() {
    Usage first = Usage.builder().promptTokens(9).completionTokens(1).totalTokens(10).build();
    ChatCompletion c = accumulate(
        base().addChoice(content(0, "h")).usage(first).build(),
        base().addChoice(content(0, "i")).usage(USAGE).build(),
        chunk(finish(0, FinishReason.STOP)));

    assertThat(c.getUsage()).isEqualTo(USAGE);
  }

  @Test
  void azureEmptyFirstChunkGivesWayToTheFirstRealIdModelAndCreated() {
    String filter = "[{\"prompt_index\":0,\"content_filter_results\":{}}]";
    ChatCompletion c = accumulate(
        base().id("").model("").created(0L).object("").putExtra("prompt_filter_results", filter)
            .build(),
        base().id("chatcmpl-A").model("gpt-4o").created(1724860848L).addChoice(content(0, "Hi"))
            .build());

    assertThat(c.getId()).isEqualTo("chatcmpl-A");
    assertThat(c.getModel()).isEqualTo("gpt-4o");
    assertThat(c.getCreated()).isEqualTo(1724860848);
    assertThat(c.getObject()).isEqualTo("chat.completion");
    assertThat(c.getExtras()).containsExactly(
        entry("prompt_filter_results", filter));
  }

  @Test
  void promptFilterResultsOfSeveralChunksAreJoinedIntoOneArray() {
    ChatCompletion c = accumulate(
        base().putExtra("prompt_filter_results", "[{\"prompt_index\":0}]").build(),
        base().putExtra("prompt_filter_results", "[]").build(),
        base().putExtra("prompt_filter_results", "[ {\"prompt_index\":1} ]").build());

    assertThat(c.getExtras())
        .containsEntry("prompt_filter_results", "[{\"prompt_index\":0},{\"prompt_index\":1}]");
  }

  @Test
  void anIdThatChangesOnEveryChunkKeepsTheFirst() {
    ChatCompletion c = accumulate(
        base().id("mock-1").addChoice(content(0, "a")).build(),
        base().id("mock-2").addChoice(content(0, "b")).build(),
        base().id("mock-3").addChoice(finish(0, FinishReason.STOP)).build());

    assertThat(c.getId()).isEqualTo("mock-1");
  }

  @Test
  void aCreatedThatChangesMidStreamKeepsTheFirstNonZero() {
    ChatCompletion c = accumulate(
        base().created(0L).addChoice(content(0, "a")).build(),
        base().created(1762855698L).addChoice(content(0, "b")).build(),
        base().created(1762855700L).addChoice(finish(0, FinishReason.STOP)).build());

    assertThat(c.getCreated()).isEqualTo(1762855698);
  }

  @Test
  void aFractionalCreatedIsWrittenBackAsItCame() {
    ChatCompletion c = accumulate(
        ChatJson.readChunk("{\"id\":\"x\",\"created\":1716239022.123,\"model\":\"m\",\"choices\":[]}"),
        ChatJson.readChunk("{\"id\":\"x\",\"created\":1716239023,\"model\":\"m\",\"choices\":[]}"));

    assertThat(c.getCreated()).isEqualTo(1716239022L);
    assertThat(ChatJson.write(c)).contains("\"created\":1716239022.123");
  }

  @Test
  void systemFingerprintAndServiceTierAreTheFirstNonNull() {
    ChatCompletion c = accumulate(
        base().addChoice(content(0, "a")).build(),
        base().systemFingerprint("fp_1").addChoice(content(0, "b")).build(),
        base().systemFingerprint("fp_2").serviceTier(ServiceTier.DEFAULT).build(),
        base().serviceTier(ServiceTier.FLEX).build());

    assertThat(c.getSystemFingerprint()).isEqualTo("fp_1");
    assertThat(c.getServiceTier()).isEqualTo(ServiceTier.DEFAULT);
  }

  @Test
  void anIdThatIsEmptyOnEveryChunkStaysEmpty() {
    ChatCompletion c = accumulate(base().id("").build(), base().id("").build());

    assertThat(c.getId()).isEmpty();
  }
}
