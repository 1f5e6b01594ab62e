package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.error.DecodeException;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletionChunk;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Holds a stream's chunk reader, which takes what repeats from the chunks before, to a new reader
 * whose first chunk it is: the same chunk (equal, with the same text, hash and JSON written back)
 * or the same error at the same place.
 */
final class StreamedReads {
  private StreamedReads() {}

  static void assertSameAsAlone(ChunkReader reader, String json, long index) {
    assertSameAsAlone(reader, json, index, json.getBytes(StandardCharsets.UTF_8));
  }

  static void assertSameAsAlone(ChunkReader reader, String label, long index, byte[] bytes) {
    Object alone = outcome(() -> new ChunkReader().read(bytes, 0, bytes.length, index));
    Object streamed = outcome(() -> reader.read(bytes, 0, bytes.length, index));
    assertThat(streamed).as(label).isEqualTo(alone);
  }

  static ChatCompletionChunk read(ChunkReader reader, String json, long index) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return reader.read(b, 0, b.length, index);
  }

  /** What a read gives, as a value to compare: the chunk in every form, or the error. */
  static Object outcome(Supplier<ChatCompletionChunk> read) {
    try {
      ChatCompletionChunk c = read.get();
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      ChatJson.writeTo(c, written);
      return List.of(c, c.toString(), c.getExtras().toString(), c.getChoices().toString(),
          c.hashCode(), written.toString(StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      return "error " + e.getMessage() + " @" + e.getPath() + ":" + e.getByteOffset() + "#"
          + e.getEventIndex();
    }
  }
}
