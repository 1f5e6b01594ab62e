package dev.chatwire.examples;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The JSON a scripted server answers the examples with. */
final class Scripts {
  private static final String CHUNK_HEAD = "{\"id\":\"chatcmpl-ex\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1732400000,\"model\":\"gpt-4o-mini\",\"choices\":[";

  private Scripts() {}

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** A {@code chat.completion} with these choices (each a JSON object) and usage. */
  static String completion(List<String> choices, int totalTokens) {
    return "{\"id\":\"chatcmpl-ex\",\"object\":\"chat.completion\",\"created\":1732400000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[" + String.join(",", choices) + "],"
        + "\"usage\":{\"prompt_tokens\":" + (totalTokens / 2) + ",\"completion_tokens\":"
        + (totalTokens - totalTokens / 2) + ",\"total_tokens\":" + totalTokens + "}}";
  }

  /** A choice whose message has {@code content} (JSON) and {@code toolCalls} (a JSON array). */
  static String choice(int index, String content, String toolCalls, String finish) {
    return "{\"index\":" + index + ",\"message\":{\"role\":\"assistant\",\"content\":" + content
        + ",\"tool_calls\":" + toolCalls + "},\"finish_reason\":\"" + finish + "\"}";
  }

  /** A completion that answers {@code text}. */
  static String answer(String text) {
    return completion(List.of(choice(0, quote(text), "[]", "stop")), 12);
  }

  /** A completion that calls the tool {@code name} with {@code arguments} (JSON text). */
  static String toolCall(String id, String name, String arguments) {
    return completion(List.of(choice(0, "null", "[" + call(id, name, arguments) + "]", "tool_calls")), 20);
  }

  static String call(String id, String name, String arguments) {
    return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name
        + "\",\"arguments\":" + quote(arguments) + "}}";
  }

  /** One chunk of choice 0 with this delta (a JSON object). */
  static String chunk(String delta, @Nullable String finish) {
    return CHUNK_HEAD + "{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
  }

  /** The last chunk of a stream that asked for usage. */
  static String usageChunk(int totalTokens) {
    return CHUNK_HEAD + "],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":"
        + (totalTokens - 1) + ",\"total_tokens\":" + totalTokens + "}}";
  }

  /** Chunks carrying {@code pieces} of content, then {@code stop}. */
  static List<String> content(String... pieces) {
    List<String> events = new ArrayList<>();
    for (String piece : pieces) events.add(chunk("{\"content\":" + quote(piece) + "}", null));
    events.add(chunk("{}", "stop"));
    return events;
  }

  /** {@code text} in pieces of {@code size}, then {@code stop}. */
  static List<String> content(String text, int size) {
    List<String> pieces = new ArrayList<>();
    for (int i = 0; i < text.length(); i += size) {
      pieces.add(text.substring(i, Math.min(text.length(), i + size)));
    }
    return content(pieces.toArray(new String[0]));
  }

  /** {@code events} followed by a usage chunk. */
  static List<String> withUsage(List<String> events, int totalTokens) {
    List<String> all = new ArrayList<>(events);
    all.add(usageChunk(totalTokens));
    return all;
  }
}
