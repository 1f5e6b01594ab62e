package dev.chatwire.structured;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.ArrayList;
import java.util.List;

/** Scripted server answers: whole completions and the SSE chunks of streamed ones. */
final class Replies {
  private static final String HEAD = "\"id\":\"chatcmpl-1\",\"created\":1700000000,\"model\":\"m\"";

  private Replies() {}

  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  static String completion(String messageJson, String finishReason) {
    return "{" + HEAD + ",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
        + messageJson + ",\"finish_reason\":\"" + finishReason + "\"}],"
        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}";
  }

  static String content(String text, String finishReason) {
    return completion("{\"role\":\"assistant\",\"content\":" + quote(text) + "}", finishReason);
  }

  static String refusal(String text) {
    return completion("{\"role\":\"assistant\",\"content\":null,\"refusal\":" + quote(text) + "}",
        "stop");
  }

  /** A call as {@code id}, {@code name}, {@code arguments}. */
  static String[] call(String id, String name, String arguments) {
    return new String[] {id, name, arguments};
  }

  static String toolCalls(String[]... calls) {
    StringBuilder sb = new StringBuilder("{\"role\":\"assistant\",\"content\":null,"
        + "\"reasoning_content\":\"thinking\",\"tool_calls\":[");
    for (int i = 0; i < calls.length; i++) {
      if (i > 0) sb.append(',');
      sb.append("{\"id\":\"").append(calls[i][0]).append("\",\"type\":\"function\",")
          .append("\"function\":{\"name\":\"").append(calls[i][1]).append("\",\"arguments\":")
          .append(quote(calls[i][2])).append("}}");
    }
    return completion(sb.append("]}").toString(), "tool_calls");
  }

  private static String chunk(String delta, String finishReason) {
    return "{" + HEAD + ",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
        + "\"delta\":" + delta + ",\"finish_reason\":"
        + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}";
  }

  /** The chunks of {@code text} in pieces of {@code size} characters, then the finish. */
  static List<String> streamedContent(String text, int size, String finishReason) {
    List<String> events = new ArrayList<>();
    events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
    for (int i = 0; i < text.length(); i += size) {
      String piece = text.substring(i, Math.min(text.length(), i + size));
      events.add(chunk("{\"content\":" + quote(piece) + "}", null));
    }
    events.add(chunk("{}", finishReason));
    return events;
  }

  /** The chunks of tool calls, each call's arguments in pieces of {@code size} characters. */
  static List<String> streamedToolCalls(int size, String[]... calls) {
    List<String> events = new ArrayList<>();
    events.add(chunk("{\"role\":\"assistant\",\"content\":null}", null));
    for (int c = 0; c < calls.length; c++) {
      events.add(chunk("{\"tool_calls\":[{\"index\":" + c + ",\"id\":\"" + calls[c][0]
          + "\",\"type\":\"function\",\"function\":{\"name\":\"" + calls[c][1]
          + "\",\"arguments\":\"\"}}]}", null));
      String args = calls[c][2];
      for (int i = 0; i < args.length(); i += size) {
        String piece = args.substring(i, Math.min(args.length(), i + size));
        events.add(chunk("{\"tool_calls\":[{\"index\":" + c + ",\"function\":{\"arguments\":"
            + quote(piece) + "}}]}", null));
      }
    }
    events.add(chunk("{}", "tool_calls"));
    return events;
  }
}
