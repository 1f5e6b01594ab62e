package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Role;
import dev.chatwire.model.StopReason;
import org.junit.jupiter.api.Test;

/** Provider value shapes that must parse without loss and write back as they came. */
class ValueShapesTest {
  private static ChunkChoice choice(String choiceJson) {
    return ChatJson.readChunk("{\"choices\":[" + choiceJson + "]}").getChoices().get(0);
  }

  @Test
  void stopReasonIntegerIsATokenId() {
    StopReason r = choice("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"stop_reason\":128009}")
        .getStopReason();
    assertThat(r.isTokenId()).isTrue();
    assertThat(r.getTokenId()).isEqualTo(128009L);
    assertThat(r.getText()).isNull();
    assertThat(r).isEqualTo(StopReason.ofTokenId(128009));
  }

  @Test
  void stopReasonStringIsAStopText() {
    StopReason r = choice("{\"index\":0,\"delta\":{},\"stop_reason\":\"</s>\"}").getStopReason();
    assertThat(r.isTokenId()).isFalse();
    assertThat(r.getText()).isEqualTo("</s>");
    assertThat(r.getTokenId()).isNull();
  }

  @Test
  void stopReasonWritesBackInItsOwnType() {
    String chunk = "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\","
        + "\"stop_reason\":%s}]}";
    assertThat(ChatJson.write(ChatJson.readChunk(String.format(chunk, "7")))).contains("\"stop_reason\":7");
    assertThat(ChatJson.write(ChatJson.readChunk(String.format(chunk, "\"7\""))))
        .contains("\"stop_reason\":\"7\"");
  }

  @Test
  void createdWithAFractionIsTruncatedAndWrittenBackAsItCame() {
    ChatCompletion c = ChatJson.readCompletion("{\"created\":1716239022.987,\"choices\":[]}");
    assertThat(c.getCreated()).isEqualTo(1716239022L);
    assertThat(ChatJson.write(c)).contains("\"created\":1716239022.987");
    assertThat(ChatJson.write(c.toBuilder().model("m").build())).contains("\"created\":1716239022.987");
  }

  @Test
  void createdSetOnTheBuilderReplacesTheOriginalText() {
    ChatCompletion c = ChatJson.readCompletion("{\"created\":1.7e9,\"choices\":[]}");
    assertThat(ChatJson.write(c.toBuilder().created(5L).build())).contains("\"created\":5");
  }

  @Test
  void absentOrNullCreatedIsNotWrittenBack() {
    ChatCompletionChunk absent = ChatJson.readChunk("{\"choices\":[]}");
    ChatCompletionChunk nul = ChatJson.readChunk("{\"created\":null,\"choices\":[]}");
    assertThat(absent.getCreated()).isNull();
    assertThat(nul.getCreated()).isNull();
    assertThat(ChatJson.write(absent)).doesNotContain("created");
    assertThat(ChatJson.write(nul)).doesNotContain("created");
  }

  @Test
  void unknownFinishReasonAndRoleAreKeptAsValues() {
    ChunkChoice c = choice("{\"index\":0,\"delta\":{\"role\":\"model\"},\"finish_reason\":\"error\"}");
    assertThat(c.getFinishReason()).isEqualTo(FinishReason.of("error"));
    assertThat(c.getFinishReason().getValue()).isEqualTo("error");
    assertThat(c.getDelta().getRole()).isEqualTo(Role.of("model"));
    assertThat(ChatJson.write(ChatJson.readChunk("{\"choices\":[{\"index\":0,\"delta\":{\"role\":"
        + "\"model\"},\"finish_reason\":\"error\"}]}")))
        .contains("\"role\":\"model\"", "\"finish_reason\":\"error\"");
  }

  @Test
  void usageNullAndAbsentBothReadAsNoUsage() {
    assertThat(ChatJson.readChunk("{\"choices\":[],\"usage\":null}").getUsage()).isNull();
    assertThat(ChatJson.readChunk("{\"choices\":[]}").getUsage()).isNull();
  }

  @Test
  void audioMembersAreReadAndWrittenBack() {
    String json = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
        + "\"audio\":{\"id\":\"audio_1\",\"data\":\"UklGRg==\",\"expires_at\":1729018505,"
        + "\"transcript\":\"Yes.\",\"format\":\"wav\"}},\"finish_reason\":\"stop\"}]}";
    ChatCompletion c = ChatJson.readCompletion(json);
    dev.chatwire.model.Audio a = c.getChoices().get(0).getMessage().getAudio();
    assertThat(a.getId()).isEqualTo("audio_1");
    assertThat(a.getData()).isEqualTo("UklGRg==");
    assertThat(a.getExpiresAt()).isEqualTo(1729018505L);
    assertThat(a.getTranscript()).isEqualTo("Yes.");
    assertThat(a.getExtras()).containsEntry("format", "\"wav\"");
    assertThat(ChatJson.readCompletion(ChatJson.write(c))).isEqualTo(c);
  }

  @Test
  void deprecatedFunctionCallAndBothReasoningFieldsAreRead() {
    String json = "{\"choices\":[{\"index\":1,\"delta\":{\"function_call\":{\"name\":\"f\","
        + "\"arguments\":\"{}\"},\"reasoning_content\":\"a\",\"reasoning\":\"b\"},"
        + "\"finish_reason\":\"function_call\"}]}";
    ChatCompletionChunk c = ChatJson.readChunk(json);
    ChunkChoice choice = c.getChoices().get(0);
    assertThat(choice.getIndex()).isEqualTo(1);
    assertThat(choice.getDelta().getFunctionCall().getName()).isEqualTo("f");
    assertThat(choice.getDelta().getReasoningContent()).isEqualTo("a");
    assertThat(choice.getDelta().getReasoning()).isEqualTo("b");
    assertThat(choice.getFinishReason()).isSameAs(FinishReason.FUNCTION_CALL);
    assertThat(ChatJson.readChunk(ChatJson.write(c))).isEqualTo(c);
  }

  @Test
  void writingToAStreamLeavesItOpenAndMatchesTheString() {
    ChatCompletionChunk c = ChatJson.readChunk("{\"id\":\"a\",\"choices\":[]}");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ChatJson.writeTo(c, out);
    out.write('!');
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(ChatJson.write(c) + "!");
    ChatCompletion completion = ChatJson.readCompletion("{\"id\":\"b\",\"choices\":[]}");
    java.io.ByteArrayOutputStream out2 = new java.io.ByteArrayOutputStream();
    ChatJson.writeTo(completion, out2);
    assertThat(out2.toByteArray()).isEqualTo(ChatJson.toBytes(completion));
  }

  @Test
  void writingToAFailingStreamIsAnUncheckedIoError() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("disk full");
      }
    };
    ChatCompletionChunk c = ChatJson.readChunk("{\"id\":\"a\",\"choices\":[]}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChatJson.writeTo(c, broken))
        .isInstanceOf(java.io.UncheckedIOException.class);
  }
}
