package dev.chatwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.chatwire.error.DecodeException;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;

/**
 * What is read can be written, and what is written reads back as the same value: for a chunk
 * and for a completion, read, {@link ChatJson#write}, read again; the second read succeeds, equals
 * the first, and writes the same text.
 *
 * <p>Input: byte 0 picks the type (even: chunk, odd: completion); the rest is the document.
 */
class RoundTripFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void whatIsReadIsWrittenAndReadBackEqual(byte[] input) {
    byte[] json = FuzzInput.payload(input);
    if ((FuzzInput.control(input) & 1) == 0) {
      ChatCompletionChunk first;
      try {
        first = ChatJson.readChunk(json, 0, json.length);
      } catch (DecodeException e) {
        return;
      }
      String written = ChatJson.write(first);
      ChatCompletionChunk second = ChatJson.readChunk(written);
      assertThat(second).isEqualTo(first);
      assertThat(ChatJson.write(second)).isEqualTo(written);
    } else {
      ChatCompletion first;
      try {
        first = ChatJson.readCompletion(json, 0, json.length);
      } catch (DecodeException e) {
        return;
      }
      String written = ChatJson.write(first);
      ChatCompletion second = ChatJson.readCompletion(written);
      assertThat(second).isEqualTo(first);
      assertThat(ChatJson.write(second)).isEqualTo(written);
    }
  }
}
