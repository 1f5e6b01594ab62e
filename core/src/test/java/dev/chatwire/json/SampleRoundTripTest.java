package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.Logprobs;
import dev.chatwire.model.TokenLogprob;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded provider payload is read, written back, and read again to an equal model; every
 * unknown member, at every level, appears in the written JSON exactly as it came.
 */
class SampleRoundTripTest {
  static String[] completions() {
    return Samples.COMPLETIONS;
  }

  static String[] streams() {
    return Samples.STREAMS;
  }

  @ParameterizedTest
  @MethodSource("completions")
  void completionSampleRoundTripsToAnEqualModel(String name) {
    ChatCompletion read = ChatJson.readCompletion(Samples.text(name));
    String written = ChatJson.write(read);
    assertThat(ChatJson.readCompletion(written)).isEqualTo(read);
    assertThat(ChatJson.readCompletion(ChatJson.toBytes(read), 0, ChatJson.toBytes(read).length))
        .isEqualTo(read);
    assertRawExtrasPresent(written, extrasOf(read));
  }

  @ParameterizedTest
  @MethodSource("streams")
  void streamSampleRoundTripsChunkByChunk(String name) {
    ChunkReader reader = new ChunkReader();
    long index = 0;
    for (String json : Samples.chunks(name)) {
      byte[] bytes = Samples.utf8(json);
      ChatCompletionChunk read = reader.read(bytes, 0, bytes.length, index++);
      assertThat(ChatJson.readChunk(json)).isEqualTo(read);
      String written = ChatJson.write(read);
      assertThat(ChatJson.readChunk(written)).isEqualTo(read);
      assertRawExtrasPresent(written, extrasOf(read));
    }
  }

  private static void assertRawExtrasPresent(String written, List<Map<String, String>> extras) {
    for (Map<String, String> map : extras) {
      for (Map.Entry<String, String> e : map.entrySet()) {
        assertThat(written).contains("\"" + e.getKey() + "\":" + e.getValue());
      }
    }
  }

  static List<Map<String, String>> extrasOf(ChatCompletion c) {
    List<Map<String, String>> all = new ArrayList<>();
    all.add(c.getExtras());
    for (Choice choice : c.getChoices()) {
      all.add(choice.getExtras());
      ChatCompletionMessage m = choice.getMessage();
      all.add(m.getExtras());
      toolCalls(m.getToolCalls(), all);
      logprobs(choice.getLogprobs(), all);
    }
    usage(c.getUsage(), all);
    return all;
  }

  static List<Map<String, String>> extrasOf(ChatCompletionChunk c) {
    List<Map<String, String>> all = new ArrayList<>();
    all.add(c.getExtras());
    for (ChunkChoice choice : c.getChoices()) {
      all.add(choice.getExtras());
      Delta d = choice.getDelta();
      all.add(d.getExtras());
      toolCalls(d.getToolCalls(), all);
      logprobs(choice.getLogprobs(), all);
    }
    usage(c.getUsage(), all);
    return all;
  }

  private static void toolCalls(List<ToolCall> calls, List<Map<String, String>> all) {
    for (ToolCall call : calls) {
      all.add(call.getExtras());
      if (call.getFunction() != null) all.add(call.getFunction().getExtras());
    }
  }

  private static void logprobs(Logprobs logprobs, List<Map<String, String>> all) {
    if (logprobs == null) return;
    all.add(logprobs.getExtras());
    if (logprobs.getContent() != null) {
      for (TokenLogprob t : logprobs.getContent()) all.add(t.getExtras());
    }
  }

  private static void usage(Usage usage, List<Map<String, String>> all) {
    if (usage == null) return;
    all.add(usage.getExtras());
    if (usage.getPromptTokensDetails() != null) all.add(usage.getPromptTokensDetails().getExtras());
    if (usage.getCompletionTokensDetails() != null) {
      all.add(usage.getCompletionTokensDetails().getExtras());
    }
  }
}
