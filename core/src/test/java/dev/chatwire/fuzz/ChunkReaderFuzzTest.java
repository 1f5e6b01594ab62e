package dev.chatwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The chunk readers on any bytes: the only exception is {@link DecodeException}. The per-stream
 * reader, fed document after document as one stream's events, reads each exactly as the one-shot
 * reader does (same chunk, or a failure for both), and reads a good document right after a bad
 * one.
 *
 * <p>Input: byte 0 is ignored by the one-shot target and says, in the per-stream target, after
 * which documents a known good chunk is read too (bit {@code i % 8}); the rest is the document,
 * or documents separated by 0xFF.
 */
class ChunkReaderFuzzTest {
  private static final byte[] GOOD = ("{\"id\":\"c\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok\"},"
      + "\"finish_reason\":null}]}").getBytes(StandardCharsets.UTF_8);

  @FuzzTest(maxDuration = "10m")
  void oneShotReadFailsOnlyWithDecodeException(byte[] input) {
    byte[] json = FuzzInput.payload(input);
    try {
      ChatCompletionChunk chunk = ChatJson.readChunk(json, 0, json.length, 3);
      assertThat(chunk).isNotNull();
    } catch (DecodeException expected) {
      // the documented failure
    }
  }

  @FuzzTest(maxDuration = "10m")
  void perStreamReaderAgreesWithOneShotAndRecovers(byte[] input) {
    int control = FuzzInput.control(input);
    List<byte[]> documents = FuzzInput.documents(FuzzInput.payload(input));
    ChatCompletionChunk good = ChatJson.readChunk(GOOD, 0, GOOD.length);
    try (ChunkReader reader = new ChunkReader()) {
      for (int i = 0; i < documents.size(); i++) {
        byte[] doc = documents.get(i);
        ChatCompletionChunk expected = oneShot(doc, i);
        ChatCompletionChunk actual;
        try {
          actual = reader.read(doc, 0, doc.length, i);
        } catch (DecodeException e) {
          assertThat(expected).as("the one-shot reader read document %s", i).isNull();
          continue;
        }
        assertThat(expected).as("the one-shot reader failed on document %s", i).isNotNull();
        assertThat(actual).isEqualTo(expected);
        if ((control & (1 << (i % 8))) != 0) {
          assertThat(reader.read(GOOD, 0, GOOD.length, i)).isEqualTo(good);
        }
      }
      assertThat(reader.read(GOOD, 0, GOOD.length, documents.size())).isEqualTo(good);
    }
  }

  private static ChatCompletionChunk oneShot(byte[] doc, long index) {
    try {
      return ChatJson.readChunk(doc, 0, doc.length, index);
    } catch (DecodeException e) {
      return null;
    }
  }
}
