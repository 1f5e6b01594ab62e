package dev.chatwire.internal.json;

import static dev.chatwire.internal.json.StreamedReads.assertSameAsAlone;
import static dev.chatwire.internal.json.StreamedReads.outcome;
import static dev.chatwire.internal.json.StreamedReads.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.Role;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a repeated head, the chunk reader reads the common content-chunk shape by hand; every
 * chunk must still read exactly as a new reader (whose first chunk it is, so the parser reads all
 * of it) reads it: same chunk, written back the same, or the same error at the same place. That
 * the hand-read path was taken shows in the reader holding no parser afterwards.
 */
class ChunkTailTest {
  private static final String HEAD = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1758791761,\"model\":\"gpt-4o\",\"service_tier\":\"default\","
      + "\"system_fingerprint\":\"fp_1\",";

  /** Tails read by hand. */
  private static final List<String> COMMON = List.of(
      // OpenAI's content chunk, with its padding.
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\"},\"logprobs\":null,"
          + "\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"aZ3\"}",
      // OpenAI's first chunk.
      "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\","
          + "\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,"
          + "\"obfuscation\":\"q\"}",
      // DeepSeek's reasoning, vLLM's stop_reason, Ollama's role on every chunk.
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":null,\"reasoning_content\":\"th\"},"
          + "\"logprobs\":null,\"finish_reason\":null}]}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"logprobs\":null,"
          + "\"finish_reason\":null,\"stop_reason\":null}]}",
      "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"y\","
          + "\"reasoning\":\"r\"},\"finish_reason\":null}]}",
      // White space, two choices, an empty delta, members in another order.
      "\"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : \"a b\" } } ] \n}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":12,"
          + "\"delta\":{\"content\":\"b\"}}],\"usage\":null}",
      "\"choices\":[{\"delta\":{},\"index\":3}]}",
      "\"usage\":null,\"choices\":[{\"finish_reason\":null,\"delta\":{\"refusal\":\"no\"}}]}",
      // Escapes and text beyond ASCII, in the content and in the padding.
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\\\"q\\\" \\\\ \\/ \\n\\t\\r\\b\\f"
          + " \\u00e9 \\ud83d\\ude00 \\uDBFF caf\u00e9 \u4e2d\u6587 \ud83d\ude00\"}}],"
          + "\"obfuscation\":\"\\\"\u00e9\\u0041\"}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"na\u00efve \u4e2d \ud83c\udf89\"}}]}",
      "\"choices\":[]}");

  /** Tails the parser reads, or rejects. */
  private static final List<String> OTHER = List.of(
      "\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
          + "\"usage\":null,\"obfuscation\":\"p\"}",
      "\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":5,"
          + "\"total_tokens\":8}}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"x_groq\":{\"id\":\"r\"}}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"content_filter_results\":{}}]}",
      "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
          + "{\"arguments\":\"{\\\"a\\\"\"}}]}}]}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":[{\"type\":\"text\",\"text\":\"t\"}]}}]}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"a\":\"1\",\"b\":\"2\"}",
      "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"model\":\"other\"}",
      "\"choices\":[{\"index\":00,\"delta\":{\"content\":\"a\"}}]}",
      "\"choices\":[{\"index\":1.0,\"delta\":{\"content\":\"a\"}}]}",
      "\"choices\":[{\"index\":-1,\"delta\":{\"content\":\"a\"}}]}",
      "\"choices\":[{\"index\":0,\"delta\":null}]}",
      "\"choices\":null}");

  @Test
  void commonTailsAreReadByHandAsTheParserReadsThem() {
    for (String tail : COMMON) {
      ChunkReader reader = started();
      assertSameAsAlone(reader, HEAD + tail, 1);
      assertThat(reader.isOpen()).as(tail).isFalse();
      assertSameAsAlone(reader, HEAD + tail, 2);
      assertThat(reader.isOpen()).as(tail).isFalse();
    }
  }

  @Test
  void otherTailsAreLeftToTheParser() {
    for (String tail : OTHER) {
      ChunkReader reader = started();
      assertSameAsAlone(reader, HEAD + tail, 1);
      // A chunk the parser read is left with its parser; one it rejected, without.
      boolean rejected = outcome(() -> read(new ChunkReader(), HEAD + tail, 0)) instanceof String;
      assertThat(reader.isOpen()).as(tail).isEqualTo(!rejected);
    }
  }

  @Test
  void theHandReadChunkHoldsWhatWasSent() {
    ChunkReader reader = started();
    ChatCompletionChunk c = read(reader, HEAD + COMMON.get(1), 0);
    assertThat(c.getChoices()).hasSize(1);
    assertThat(c.getChoices().get(0).getDelta().getRole()).isSameAs(Role.ASSISTANT);
    assertThat(c.getChoices().get(0).getDelta().getContent()).isEmpty();
    assertThat(c.getExtras()).containsExactly(java.util.Map.entry("obfuscation", "\"q\""));
    c = read(reader, HEAD + COMMON.get(9), 0);
    assertThat(c.getChoices().get(0).getDelta().getContent())
        .isEqualTo("\"q\" \\ / \n\t\r\b\f \u00e9 \ud83d\ude00 \udbff caf\u00e9 \u4e2d\u6587 "
            + "\ud83d\ude00");
    assertThat(c.getExtras()).containsEntry("obfuscation", "\"\\\"\u00e9\\u0041\"");
    c = read(reader, HEAD + COMMON.get(6), 0);
    assertThat(c.getChoices()).extracting(ch -> ch.getIndex()).containsExactly(0, 12);
  }

  @Test
  void longTextOtherRolesAndOtherWhiteSpaceAreReadByHandAsTheParserReadsThem() {
    StringBuilder longText = new StringBuilder();
    for (int i = 0; i < 600; i++) longText.append("ab\\n\\u00e9\u4e2d\ud83d\ude00");
    List<String> tails = List.of(
        "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + longText + "\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"tool\",\"content\":\"t\"}}]}",
        "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"narrator\",\"content\":\"n\"}}]}",
        "\"choices\":\t[{\"index\":\r\n0,\"delta\":{\"content\":\"w\"}\t}]\r\n}");
    for (String tail : tails) {
      ChunkReader reader = started();
      for (int i = 1; i <= 3; i++) {
        assertSameAsAlone(reader, HEAD + tail, i);
        assertThat(reader.isOpen()).as(tail).isFalse();
        reader.close(); // its string buffer is dropped, and made again by the next read
      }
    }
    // A name longer than the hand-read path takes is left to the parser, and read the same.
    ChunkReader reader = started();
    assertSameAsAlone(reader, HEAD + "\"choices\":[],\"" + "x".repeat(300) + "\":\"v\"}", 1);
    assertThat(reader.isOpen()).isTrue();
  }

  @Test
  void everySingleByteChangeOrDeletionReadsAsTheParserReadsIt() {
    byte[] replacements = {'x', '0', '9', '"', '\\', ',', '}', '{', ']', '[', ' ', ':', 'n',
      'u', 'e', '.', '-', '/', 0x00, 0x1F, 0x7F, (byte) 0x80, (byte) 0xC0, (byte) 0xC3,
      (byte) 0xE0, (byte) 0xED, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
    for (String tail : COMMON) {
      byte[] base = (HEAD + tail).getBytes(StandardCharsets.UTF_8);
      int from = HEAD.length();
      for (int at = from; at < base.length; at++) {
        for (byte r : replacements) {
          byte[] changed = base.clone();
          changed[at] = r;
          check(changed, tail + " @" + at + "=" + r);
        }
        byte[] shorter = new byte[base.length - 1];
        System.arraycopy(base, 0, shorter, 0, at);
        System.arraycopy(base, at + 1, shorter, at, base.length - at - 1);
        check(shorter, tail + " @" + at + " deleted");
      }
    }
  }

  @Test
  void everyCutReadsAsTheParserReadsIt() {
    for (String tail : COMMON) {
      byte[] base = (HEAD + tail).getBytes(StandardCharsets.UTF_8);
      for (int len = HEAD.length() + 1; len < base.length; len++) {
        check(Arrays.copyOf(base, len), tail + " cut at " + len);
      }
    }
  }

  @Test
  void everyCutInsideALongerArrayReadsAsTheParserReadsTheCut() {
    // The SSE decoder hands an event in an array it reuses, with older bytes after the event's
    // end: nothing after the end may be read, such as the rest of a name the cut split.
    for (String tail : COMMON) {
      byte[] base = (HEAD + tail).getBytes(StandardCharsets.UTF_8);
      for (int len = HEAD.length() + 1; len < base.length; len++) {
        int cut = len;
        String label = tail + " cut at " + len + ", the rest still in the array";
        Object alone = outcome(() -> new ChunkReader().read(Arrays.copyOf(base, cut), 0, cut, 5));
        ChunkReader reader = started();
        Object streamed = outcome(() -> reader.read(base, 0, cut, 5));
        assertThat(streamed).as(label).isEqualTo(alone);
      }
    }
  }

  private static void check(byte[] bytes, String label) {
    ChunkReader reader = started();
    assertSameAsAlone(reader, label, 5, bytes);
    // And the stream reads on as before.
    byte[] next = (HEAD + COMMON.get(0)).getBytes(StandardCharsets.UTF_8);
    assertSameAsAlone(reader, label + " (next)", 6, next);
  }

  // A reader that has read one chunk in full, and then released its parser.
  private static ChunkReader started() {
    ChunkReader reader = new ChunkReader();
    read(reader, HEAD + COMMON.get(0), 0);
    reader.close();
    return reader;
  }
}
