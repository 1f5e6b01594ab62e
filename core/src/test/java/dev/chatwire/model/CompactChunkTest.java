package dev.chatwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.json.ChatJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A chunk, its choice and its delta hold their common members in few fields and the others in
 * one more object; whichever members a chunk has, every getter, equality, the JSON written back
 * and a copy through the builder are as if each member had its own field.
 */
class CompactChunkTest {
  private static final String HEAD =
      "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";

  // Each member as JSON, and what says it was read.
  private static final String[] DELTA = {
      "\"role\":\"assistant\"", "\"content\":\"a\"", "\"refusal\":\"r\"",
      "\"tool_calls\":[{\"index\":0,\"id\":\"t\",\"type\":\"function\","
          + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]",
      "\"function_call\":{\"name\":\"g\",\"arguments\":\"\"}", "\"audio\":{\"id\":\"au\"}",
      "\"reasoning_content\":\"rc\"", "\"reasoning\":\"rs\"", "\"x_delta\":1"};
  private static final List<Function<Delta, Object>> DELTA_GETTERS = List.of(
      Delta::getRole, Delta::getContent, Delta::getRefusal, d -> d.getToolCalls().isEmpty(),
      Delta::getFunctionCall, Delta::getAudio, Delta::getReasoningContent, Delta::getReasoning,
      d -> d.getExtras().get("x_delta"));
  private static final String[] CHOICE = {
      "\"finish_reason\":\"stop\"", "\"logprobs\":{\"content\":[]}", "\"stop_reason\":7",
      "\"content_filter_results\":{}"};
  private static final List<Function<ChunkChoice, Object>> CHOICE_GETTERS = List.of(
      ChunkChoice::getFinishReason, ChunkChoice::getLogprobs, ChunkChoice::getStopReason,
      c -> c.getExtras().get("content_filter_results"));
  private static final String[] CHUNK = {
      "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}",
      "\"obfuscation\":\"p\"", "\"x_chunk\":true"};
  private static final List<Function<ChatCompletionChunk, Object>> CHUNK_GETTERS = List.of(
      ChatCompletionChunk::getUsage, c -> c.getExtras().get("obfuscation"),
      c -> c.getExtras().get("x_chunk"));

  @Test
  void everySetOfDeltaMembersIsKeptAsSent() {
    for (int set = 0; set < 1 << DELTA.length; set++) {
      String json = chunk("{\"index\":0,\"delta\":{" + members(DELTA, set) + "}}", "");
      for (ChatCompletionChunk c : readBothWays(json)) {
        Delta d = c.getChoices().get(0).getDelta();
        for (int m = 0; m < DELTA.length; m++) {
          Object v = DELTA_GETTERS.get(m).apply(d);
          boolean present = m == 3 ? Boolean.FALSE.equals(v) : v != null;
          assertThat(present).as("%s in %s", DELTA[m], json).isEqualTo((set & 1 << m) != 0);
        }
        assertThat(d.toBuilder().build()).isEqualTo(d).hasSameHashCodeAs(d)
            .hasToString(d.toString());
        checkWrittenBack(c);
      }
    }
  }

  @Test
  void everySetOfChoiceMembersIsKeptAsSent() {
    for (int set = 0; set < 1 << CHOICE.length; set++) {
      String members = members(CHOICE, set);
      String json = chunk("{\"index\":2,\"delta\":{\"content\":\"x\"}"
          + (members.isEmpty() ? "" : "," + members) + "}", "");
      for (ChatCompletionChunk c : readBothWays(json)) {
        ChunkChoice choice = c.getChoices().get(0);
        assertThat(choice.getIndex()).isEqualTo(2);
        assertThat(choice.getDelta().getContent()).isEqualTo("x");
        for (int m = 0; m < CHOICE.length; m++) {
          assertThat(CHOICE_GETTERS.get(m).apply(choice) != null).as("%s in %s", CHOICE[m], json)
              .isEqualTo((set & 1 << m) != 0);
        }
        assertThat(choice.toBuilder().build()).isEqualTo(choice).hasSameHashCodeAs(choice)
            .hasToString(choice.toString());
        checkWrittenBack(c);
      }
    }
  }

  @Test
  void everySetOfChunkMembersIsKeptAsSent() {
    for (int set = 0; set < 1 << CHUNK.length; set++) {
      String members = members(CHUNK, set);
      String json = chunk("{\"index\":0,\"delta\":{\"content\":\"x\"}}",
          members.isEmpty() ? "" : "," + members);
      for (ChatCompletionChunk c : readBothWays(json)) {
        for (int m = 0; m < CHUNK.length; m++) {
          assertThat(CHUNK_GETTERS.get(m).apply(c) != null).as("%s in %s", CHUNK[m], json)
              .isEqualTo((set & 1 << m) != 0);
        }
        assertThat(c.getExtras()).hasSize(Integer.bitCount(set & 6));
        checkWrittenBack(c);
      }
    }
  }

  private static String chunk(String choice, String after) {
    return HEAD + "\"choices\":[" + choice + "]" + after + "}";
  }

  private static String members(String[] all, int set) {
    List<String> chosen = new ArrayList<>();
    for (int m = 0; m < all.length; m++) {
      if ((set & 1 << m) != 0) chosen.add(all[m]);
    }
    return String.join(",", chosen);
  }

  // The chunk read alone, and read by a stream's reader after a chunk with the same head (which
  // takes the hand-read path where the members allow it): the two must be equal.
  private static List<ChatCompletionChunk> readBothWays(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    ChatCompletionChunk alone = ChatJson.readChunk(json);
    ChunkReader reader = new ChunkReader();
    reader.read(bytes, 0, bytes.length, 0);
    ChatCompletionChunk streamed = reader.read(bytes, 0, bytes.length, 1);
    assertThat(streamed).as(json).isEqualTo(alone).hasSameHashCodeAs(alone)
        .hasToString(alone.toString());
    return List.of(alone, streamed);
  }

  private static void checkWrittenBack(ChatCompletionChunk c) {
    String written = ChatJson.write(c);
    assertThat(ChatJson.readChunk(written)).isEqualTo(c);
    ChatCompletionChunk copy = c.toBuilder().build();
    assertThat(copy).isEqualTo(c).hasSameHashCodeAs(c).hasToString(c.toString());
    assertThat(ChatJson.write(copy)).isEqualTo(written);
  }
}
