package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.structured.Description;
import dev.chatwire.structured.StructuredOutput;
import dev.chatwire.structured.StructuredStream;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Structured output: the answer's type gives the strict {@code json_schema}, the answer is read
 * back into it, and while it streams each partial answer is shown as it forms. Runs against the
 * testkit's server, offline.
 */
public final class StructuredOutputExample {
  /** The answer's type: every component is required, {@code tip} may be null. */
  @Description("A city recommendation")
  public record Recommendation(
      @Description("The city") String city,
      List<String> sights,
      @Description("A short tip, or null") @Nullable String tip) {}

  private StructuredOutputExample() {}

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}. */
  public static void run(PrintStream out) {
    String answer = "{\"city\":\"Lisbon\",\"sights\":[\"Alfama\",\"Belem\"],\"tip\":null}";
    try (ChatServer server = ChatServer.start();
        ChatWire client = ChatWire.builder().baseUrl(server.getBaseUrl().toString()).build()) {
      server.enqueue(MockResponse.sse(Chunks.content(answer, 6)));
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model("gpt-4o-mini")
          .addUserMessage("Recommend a city for a weekend.")
          .responseFormat(StructuredOutput.responseFormat(Recommendation.class))
          .build();
      try (ChatStream stream = client.chat().stream(request)) {
        for (StreamEvent event : stream.events()) {
          Recommendation soFar = StructuredStream.partial(event, Recommendation.class);
          if (soFar != null) out.println("... " + soFar);
        }
        Recommendation done = StructuredOutput.parse(stream.getCompletion(), Recommendation.class);
        out.println("city=" + done.city() + " sights=" + done.sights() + " tip=" + done.tip());
      }
    }
  }

  /** Scripted chunks for the examples. */
  static final class Chunks {
    private static final String HEAD = "{\"id\":\"chatcmpl-ex\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1732400000,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":";

    private Chunks() {}

    static String chunk(String delta, @Nullable String finish) {
      return HEAD + delta + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"")
          + "}]}";
    }

    static String quote(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** {@code text} in pieces of {@code size}, then {@code stop}. */
    static List<String> content(String text, int size) {
      List<String> events = new ArrayList<>();
      for (int i = 0; i < text.length(); i += size) {
        String piece = text.substring(i, Math.min(text.length(), i + size));
        events.add(chunk("{\"content\":" + quote(piece) + "}", null));
      }
      events.add(chunk("{}", "stop"));
      return events;
    }
  }
}
