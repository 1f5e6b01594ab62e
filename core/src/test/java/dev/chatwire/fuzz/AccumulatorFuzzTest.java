package dev.chatwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.stream.ChunkAccumulator;

/**
 * The accumulator on whatever chunks a server could send: {@link ChunkAccumulator#add} fails
 * only with {@link DecodeException} (an index out of bounds) and leaves the accumulator usable,
 * a snapshot can be taken after every chunk, and the accumulated completion can be written and
 * read back.
 *
 * <p>Input: byte 0 says after which chunks a snapshot is taken (bit {@code i % 8}); the rest
 * holds chunk documents separated by 0xFF (those that do not parse are skipped).
 */
class AccumulatorFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void anyChunksAccumulateOrFailWithDecodeException(byte[] input) {
    int control = FuzzInput.control(input);
    ChunkAccumulator accumulator = new ChunkAccumulator();
    int added = 0;
    try (ChunkReader reader = new ChunkReader()) {
      int i = 0;
      for (byte[] doc : FuzzInput.documents(FuzzInput.payload(input))) {
        ChatCompletionChunk chunk;
        try {
          chunk = reader.read(doc, 0, doc.length, i);
        } catch (DecodeException e) {
          continue;
        }
        try {
          accumulator.add(chunk);
          added++;
        } catch (DecodeException e) {
          added++; // counted: the accumulator saw it
        }
        if ((control & (1 << (i++ % 8))) != 0) accumulator.snapshot();
      }
    }
    assertThat(accumulator.getChunkCount()).isEqualTo(added);
    ChatCompletion completion = accumulator.snapshot();
    byte[] json = ChatJson.toBytes(completion);
    assertThat(ChatJson.readCompletion(json, 0, json.length)).isNotNull();
  }
}
