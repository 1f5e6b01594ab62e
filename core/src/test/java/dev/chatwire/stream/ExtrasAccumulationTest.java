package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.accumulate;
import static dev.chatwire.stream.Chunks.base;
import static dev.chatwire.stream.Chunks.choice;
import static dev.chatwire.stream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import org.junit.jupiter.api.Test;

class ExtrasAccumulationTest {
  private static ChunkChoice choiceExtra(String name, String raw) {
    return ChunkChoice.builder().index(0).putExtra(name, raw).build();
  }

  private static ChunkChoice deltaExtra(String name, String raw) {
    return choice(0, Delta.builder().putExtra(name, raw).build());
  }

  @Test
  void chunkMembersKeepTheFirstNonNullValue() {
    ChatCompletion c = accumulate(
        base().putExtra("citations", "null").putExtra("x_groq", "{\"id\":\"req_1\"}").build(),
        base().putExtra("citations", "[\"https://a\"]").build(),
        base().putExtra("citations", "[\"https://b\"]")
            .putExtra("x_groq", "{\"id\":\"req_1\",\"usage\":{}}").build());

    assertThat(c.getExtras()).containsExactly(
        entry("citations", "[\"https://a\"]"), entry("x_groq", "{\"id\":\"req_1\"}"));
  }

  @Test
  void aChunkMemberThatIsOnlyEverNullIsKeptAsNull() {
    ChatCompletion c = accumulate(base().putExtra("prompt_logprobs", "null").build());

    assertThat(c.getExtras()).containsExactly(entry("prompt_logprobs", "null"));
  }

  @Test
  void obfuscationPaddingIsDropped() {
    ChatCompletion c = accumulate(
        base().putExtra("obfuscation", "\"Qup1BsQ3\"").build(),
        base().putExtra("obfuscation", "\"yhjoJbEF\"").build());

    assertThat(c.getExtras()).isEmpty();
  }

  @Test
  void deltaStringMembersAreConcatenatedWithTheirEscapes() {
    ChatCompletion c = accumulate(
        chunk(deltaExtra("cot_summary", "\"say \\\"hi\\\"\"")),
        chunk(deltaExtra("cot_summary", "null")),
        chunk(deltaExtra("cot_summary", "\" now\\n\"")));

    assertThat(c.getChoices().get(0).getMessage().getExtras())
        .containsExactly(entry("cot_summary", "\"say \\\"hi\\\" now\\n\""));
  }

  @Test
  void deltaArrayMembersAreAppended() {
    ChatCompletion c = accumulate(
        chunk(deltaExtra("reasoning_details", "[{\"text\":\"a\"}]")),
        chunk(deltaExtra("reasoning_details", "[]")),
        chunk(deltaExtra("reasoning_details", "[{\"text\":\"b\"},{\"text\":\"c\"}]")));

    assertThat(c.getChoices().get(0).getMessage().getExtras()).containsExactly(
        entry("reasoning_details", "[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":\"c\"}]"));
  }

  @Test
  void deltaNumberMembersKeepTheLast() {
    ChatCompletion c = accumulate(
        chunk(deltaExtra("index", "0")), chunk(deltaExtra("index", "1")));

    assertThat(c.getChoices().get(0).getMessage().getExtras()).containsExactly(entry("index", "1"));
  }

  @Test
  void choiceObjectMembersMergeMemberByMember() {
    ChatCompletion c = accumulate(
        chunk(choiceExtra("content_filter_results", "{}")),
        chunk(choiceExtra("content_filter_results",
            "{\"hate\":{\"filtered\":false},\"sexual\":{\"filtered\":false}}")),
        chunk(choiceExtra("content_filter_results", "{}")),
        chunk(choiceExtra("content_filter_results",
            "{\"protected_material_text\":{\"detected\":false},\"hate\":{\"filtered\":true}}")));

    assertThat(c.getChoices().get(0).getExtras()).containsExactly(entry("content_filter_results",
        "{\"hate\":{\"filtered\":true},\"sexual\":{\"filtered\":false},"
            + "\"protected_material_text\":{\"detected\":false}}"));
  }

  @Test
  void choiceStringMembersKeepTheLastNonNull() {
    ChatCompletion c = accumulate(
        chunk(choiceExtra("native_finish_reason", "null")),
        chunk(choiceExtra("native_finish_reason", "\"completed\"")),
        chunk(choiceExtra("native_finish_reason", "\"completed\"")),
        chunk(choiceExtra("native_finish_reason", "null")));

    assertThat(c.getChoices().get(0).getExtras())
        .containsExactly(entry("native_finish_reason", "\"completed\""));
  }

  @Test
  void aValueOfAnotherKindReplacesTheOneHeld() {
    ChatCompletion c = accumulate(
        chunk(choiceExtra("token_ids", "[1,2]")), chunk(choiceExtra("token_ids", "7")));

    assertThat(c.getChoices().get(0).getExtras()).containsExactly(entry("token_ids", "7"));
  }

  @Test
  void rawTextThatIsNotJsonIsKeptWholeWithoutFailing() {
    ChatCompletion c = accumulate(
        chunk(choiceExtra("odd", "{not json")), chunk(choiceExtra("odd", "{also not")));

    assertThat(c.getChoices().get(0).getExtras()).containsExactly(entry("odd", "{also not"));
  }

  /** Found by fuzzing: a chunk choice's own "message" would be written twice and lost on read. */
  @Test
  void aChunkChoicesOwnMessageMemberIsNotKeptBesideTheAccumulatedMessage() {
    ChatCompletion c = accumulate(
        dev.chatwire.json.ChatJson.readChunk("{\"id\":\"a\",\"choices\":[{\"index\":0,"
            + "\"message\":0,\"x\":1,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}"));

    assertThat(c.getChoices().get(0).getExtras()).containsOnly(entry("x", "1"));
    byte[] json = dev.chatwire.json.ChatJson.toBytes(c);
    ChatCompletion back = dev.chatwire.json.ChatJson.readCompletion(json, 0, json.length);
    assertThat(back.getChoices().get(0).getMessage().getContent()).isEqualTo("Hi");
  }
}
