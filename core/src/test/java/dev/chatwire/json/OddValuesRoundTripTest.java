package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.TokenLogprob;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What is read can be written, and what is written can be read, under the same limits. */
class OddValuesRoundTripTest {
  private static String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) sb.append('7');
    return sb.toString();
  }

  private static ChatCompletionChunk readStreamed(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    try (ChunkReader reader = new ChunkReader()) {
      return reader.read(b, 0, b.length, 3);
    }
  }

  @Test
  void aNumberThatOverflowsADoubleIsRefusedWhenReadNotWhenWritten() {
    String json = "{\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":{\"content\":"
        + "[{\"token\":\"a\",\"logprob\":1E400,\"top_logprobs\":[]}]}}]}";
    assertThatThrownBy(() -> ChatJson.readChunk(json))
        .isInstanceOf(DecodeException.class).hasMessageContaining("out of range");
    assertThatThrownBy(() -> readStreamed(json))
        .isInstanceOf(DecodeException.class).hasMessageContaining("out of range");
  }

  @Test
  void aNonFiniteNumberSetByHandIsRefusedByTheWriterNamingTheField() {
    ChatCompletion c = ChatJson.readCompletion("{\"choices\":[{\"index\":0,\"message\":"
        + "{\"role\":\"assistant\",\"content\":\"a\"},\"logprobs\":{\"content\":"
        + "[{\"token\":\"a\",\"logprob\":-0.5,\"top_logprobs\":[]}]}}]}");
    TokenLogprob bad = TokenLogprob.builder().token("a").logprob(Double.NEGATIVE_INFINITY).build();
    ChatCompletion withBad = c.toBuilder().choices(java.util.Collections.singletonList(
        c.getChoices().get(0).toBuilder().logprobs(c.getChoices().get(0).getLogprobs().toBuilder()
            .content(java.util.Collections.singletonList(bad)).build()).build())).build();
    assertThatThrownBy(() -> ChatJson.write(withBad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("logprob");
  }

  @Test
  void aLoneSurrogateInAnUnknownKeyIsWrittenAsAReplacementAndReadsBack() {
    ChatCompletionChunk chunk = ChatJson.readChunk("{\"choices\":[],\"\\ud800x\":1,\"ok\\ud83d\\ude00\":2}");
    String written = ChatJson.write(chunk);
    ChatCompletionChunk again = ChatJson.readChunk(written);
    assertThat(again.getExtras()).containsEntry("\uFFFDx", "1").containsEntry("ok\ud83d\ude00", "2");
  }

  @Test
  void aLoneSurrogateInAStringValueIsWrittenAsAReplacement() {
    ChatCompletionChunk chunk = ChatJson.readChunk(
        "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\\udc00b\"}}]}");
    String written = ChatJson.write(chunk);
    assertThat(ChatJson.readChunk(written).getChoices().get(0).getDelta().getContent())
        .isEqualTo("a\uFFFDb");
  }

  @Test
  void theStreamReaderAppliesTheNumberLengthLimitEvenInsideUnknownMembers() {
    String inUnknown = "{\"choices\":[],\"x_vendor\":{\"n\":" + digits(300) + "}}";
    String inKnown = "{\"choices\":[],\"created\":" + digits(300) + "}";
    for (String json : new String[] {inUnknown, inKnown}) {
      assertThatThrownBy(() -> ChatJson.readChunk(json))
          .isInstanceOf(DecodeException.class).hasMessageContaining("exceeds a limit");
      assertThatThrownBy(() -> readStreamed(json))
          .isInstanceOf(DecodeException.class).hasMessageContaining("exceeds a limit");
    }
  }

  @Test
  void aNumberAtTheLimitReadsWithEitherReader() {
    String json = "{\"choices\":[],\"x_vendor\":" + digits(256) + "}";
    assertThat(ChatJson.readChunk(json).getExtras()).containsKey("x_vendor");
    assertThat(readStreamed(json).getExtras()).containsKey("x_vendor");
  }
}
