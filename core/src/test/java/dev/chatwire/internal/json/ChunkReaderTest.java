package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.chatwire.error.DecodeException;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Role;
import dev.chatwire.model.ServiceTier;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkReaderTest {
  private static final String CHUNK = "{\"id\":\"chatcmpl-%s\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1,\"model\":\"gpt-4o\",\"service_tier\":\"%s\",\"system_fingerprint\":\"fp_1\","
      + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"x\"},"
      + "\"finish_reason\":%s}]}";

  private static ChatCompletionChunk read(ChunkReader reader, String json, long index) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return reader.read(b, 0, b.length, index);
  }

  @Test
  void repeatedIdModelObjectAndFingerprintReuseThePreviousStrings() {
    ChunkReader reader = new ChunkReader();
    ChatCompletionChunk a = read(reader, String.format(CHUNK, "1", "default", "null"), 0);
    ChatCompletionChunk b = read(reader, String.format(CHUNK, "1", "default", "null"), 1);
    assertThat(b.getId()).isSameAs(a.getId());
    assertThat(b.getModel()).isSameAs(a.getModel());
    assertThat(b.getObject()).isSameAs(a.getObject());
    assertThat(b.getSystemFingerprint()).isSameAs(a.getSystemFingerprint());
    assertThat(b.getServiceTier()).isSameAs(ServiceTier.DEFAULT);
    assertThat(b.getChoices().get(0).getDelta().getRole()).isSameAs(Role.ASSISTANT);
  }

  @Test
  void aChangedValueIsANewStringWithTheNewText() {
    ChunkReader reader = new ChunkReader();
    ChatCompletionChunk a = read(reader, String.format(CHUNK, "1", "default", "null"), 0);
    ChatCompletionChunk b = read(reader, String.format(CHUNK, "2", "default", "null"), 1);
    assertThat(b.getId()).isEqualTo("chatcmpl-2").isNotSameAs(a.getId());
    ChatCompletionChunk c = read(reader, String.format(CHUNK, "22", "default", "null"), 2);
    assertThat(c.getId()).isEqualTo("chatcmpl-22");
  }

  @Test
  void unknownServiceTierAndFinishReasonAreReusedWhileTheyRepeat() {
    ChunkReader reader = new ChunkReader();
    ChatCompletionChunk a = read(reader, String.format(CHUNK, "1", "on_demand", "\"eos\""), 0);
    ChatCompletionChunk b = read(reader, String.format(CHUNK, "1", "on_demand", "\"eos\""), 1);
    assertThat(b.getServiceTier()).isSameAs(a.getServiceTier()).isEqualTo(ServiceTier.of("on_demand"));
    assertThat(b.getChoices().get(0).getFinishReason())
        .isSameAs(a.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.of("eos"));
    ChatCompletionChunk c = read(reader, String.format(CHUNK, "1", "flex", "\"stop\""), 2);
    assertThat(c.getServiceTier()).isSameAs(ServiceTier.FLEX);
    assertThat(c.getChoices().get(0).getFinishReason()).isSameAs(FinishReason.STOP);
  }

  @Test
  void deltaFieldsDoNotLeakIntoTheNextChunk() {
    ChunkReader reader = new ChunkReader();
    read(reader, "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"reasoning\":\"r\","
        + "\"tool_calls\":[{\"index\":0,\"id\":\"c\"}],\"x\":1}}]}", 0);
    ChatCompletionChunk next = read(reader, "{\"choices\":[{\"index\":0,\"delta\":{}}]}", 1);
    assertThat(next.getChoices().get(0).getDelta())
        .isEqualTo(dev.chatwire.model.Delta.builder().build());
  }

  @Test
  void readerKeepsWorkingAfterABadChunk() {
    ChunkReader reader = new ChunkReader();
    assertThatThrownBy(() -> read(reader, "{\"choices\":[{\"index\":\"x\"}]}", 3))
        .isInstanceOf(DecodeException.class)
        .satisfies(e -> assertThat(((DecodeException) e).getEventIndex()).isEqualTo(3));
    ChatCompletionChunk ok = read(reader, String.format(CHUNK, "1", "default", "null"), 4);
    assertThat(ok.getChoices().get(0).getDelta().getContent()).isEqualTo("x");
  }

  @Test
  void severalChoicesAreReadInOrder() {
    ChatCompletionChunk c = read(new ChunkReader(), "{\"choices\":[{\"index\":1,\"delta\":{\"content\":"
        + "\"b\"}},{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":2,\"delta\":{}}]}", 0);
    assertThat(c.getChoices()).extracting(x -> x.getIndex()).containsExactly(1, 0, 2);
    assertThat(c.getChoices().get(1).getDelta().getContent()).isEqualTo("a");
  }

  @Test
  void readsFromTheMiddleOfALargerBuffer() {
    String json = String.format(CHUNK, "9", "default", "null");
    byte[] src = json.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[src.length + 10];
    java.util.Arrays.fill(buf, (byte) '{');
    System.arraycopy(src, 0, buf, 5, src.length);
    ChatCompletionChunk c = new ChunkReader().read(buf, 5, src.length, 0);
    assertThat(c.getId()).isEqualTo("chatcmpl-9");
  }

  @Test
  void trailingWhiteSpaceIsAcceptedAndTheNextChunkReadsNormally() {
    ChunkReader reader = new ChunkReader();
    read(reader, String.format(CHUNK, "1", "default", "null") + " \r\n\t ", 0);
    ChatCompletionChunk next = read(reader, String.format(CHUNK, "2", "default", "null"), 1);
    assertThat(next.getId()).isEqualTo("chatcmpl-2");
  }

  @Test
  void aPartialTokenAfterTheDocumentIsAnErrorAndDoesNotSpillIntoTheNextChunk() {
    ChunkReader reader = new ChunkReader();
    String first = String.format(CHUNK, "1", "default", "null");
    for (String tail : new String[] {" 12", " tru", " \"ab", " {", " ]", " x"}) {
      assertThatThrownBy(() -> read(reader, first + tail, 5))
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining("unexpected content after the JSON document")
          .satisfies(e -> assertThat(((DecodeException) e).getByteOffset()).isEqualTo(first.length() + 1));
      assertThat(read(reader, "{\"id\":\"ok\"}", 6).getId()).isEqualTo("ok");
    }
  }

  @Test
  void offsetsAreRelativeToEachChunkAfterManyChunks() {
    ChunkReader reader = new ChunkReader();
    for (int i = 0; i < 50; i++) read(reader, String.format(CHUNK, i, "default", "null"), i);
    String bad = "{\"choices\":[{\"index\":true}]}";
    DecodeException e = org.assertj.core.api.Assertions.catchThrowableOfType(
        DecodeException.class, () -> read(reader, bad, 50));
    assertThat(e.getByteOffset()).isEqualTo(bad.indexOf("true"));
    assertThat(e.getPath()).isEqualTo("choices[0].index");
  }

  @Test
  void unknownMembersAreCapturedExactlyAfterManyChunks() {
    ChunkReader reader = new ChunkReader();
    for (int i = 0; i < 20; i++) {
      ChatCompletionChunk c = read(reader, "{\"x\": {\"n\": [" + i + ", \"é\"]} , \"choices\":[]}", i);
      assertThat(c.getExtras()).containsEntry("x", "{\"n\": [" + i + ", \"é\"]}");
    }
  }

  @Test
  void closedReaderCanStillRead() {
    ChunkReader reader = new ChunkReader();
    read(reader, "{\"id\":\"a\"}", 0);
    reader.close();
    reader.close();
    assertThat(read(reader, "{\"id\":\"b\"}", 1).getId()).isEqualTo("b");
  }

  @Test
  void unknownMembersOfAChunkStayAsReadWhenTheNextChunkIsRead() {
    ChunkReader reader = new ChunkReader();
    ChatCompletionChunk a = read(reader, "{\"b\":1,\"a\":2,\"choices\":[{\"index\":0,\"p\":3,"
        + "\"delta\":{\"q\":4}}]}", 0);
    read(reader, "{\"c\":5,\"choices\":[{\"index\":0,\"r\":6,\"delta\":{\"s\":7}}]}", 1);
    assertThat(a.getExtras()).containsExactly(entry("b", "1"), entry("a", "2"));
    assertThat(a.getChoices().get(0).getExtras()).containsExactly(entry("p", "3"));
    assertThat(a.getChoices().get(0).getDelta().getExtras()).containsExactly(entry("q", "4"));
  }

  @Test
  void unknownMembersOfABadChunkDoNotCarryIntoTheNext() {
    ChunkReader reader = new ChunkReader();
    assertThatThrownBy(() -> read(reader, "{\"x\":1,\"choices\":[{\"y\":2,\"index\":\"z\"}]}", 0))
        .isInstanceOf(DecodeException.class);
    ChatCompletionChunk next = read(reader, "{\"choices\":[{\"index\":0,\"w\":3}]}", 1);
    assertThat(next.getExtras()).isEmpty();
    assertThat(next.getChoices().get(0).getExtras()).containsExactly(entry("w", "3"));
  }

  @Test
  void readListsAndMapsCannotBeChanged() {
    ChatCompletionChunk c = read(new ChunkReader(), "{\"x\":1,\"choices\":[{\"index\":0,\"y\":2,"
        + "\"delta\":{\"z\":3,\"tool_calls\":[{\"index\":0},{\"index\":1}]}},{\"index\":1}]}", 0);
    ChunkChoice first = c.getChoices().get(0);
    assertThatThrownBy(() -> c.getChoices().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.getExtras().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.getExtras().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.getDelta().getExtras().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> first.getDelta().getToolCalls().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aChoiceWithoutDeltaHasTheDeltaWithNoMembers() {
    ChatCompletionChunk c = read(new ChunkReader(), "{\"choices\":[{\"index\":0}]}", 0);
    assertThat(c.getChoices().get(0).getDelta()).isEqualTo(Delta.builder().build());
  }

  @Test
  void aChunkReadMatchesTheSameChunkBuilt() {
    ChatCompletionChunk c = read(new ChunkReader(), String.format(CHUNK, "1", "flex", "\"stop\""), 0);
    ChatCompletionChunk built = ChatCompletionChunk.builder().id("chatcmpl-1")
        .object("chat.completion.chunk").created(1L).model("gpt-4o").serviceTier(ServiceTier.FLEX)
        .systemFingerprint("fp_1")
        .addChoice(ChunkChoice.builder().index(0).finishReason(FinishReason.STOP)
            .delta(Delta.builder().role(Role.ASSISTANT).content("x").build()).build())
        .build();
    assertThat(c).isEqualTo(built).hasSameHashCodeAs(built);
  }
}
