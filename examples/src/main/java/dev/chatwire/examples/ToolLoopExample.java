package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ToolCall;
import dev.chatwire.structured.Description;
import dev.chatwire.structured.ToolLoop;
import dev.chatwire.structured.ToolLoopListener;
import dev.chatwire.structured.ToolLoopResult;
import dev.chatwire.structured.ToolMethod;
import dev.chatwire.structured.ToolParam;
import dev.chatwire.structured.Tools;
import dev.chatwire.structured.TypedTool;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.io.PrintStream;

/**
 * A tool loop: a typed tool and an annotated method, run by {@link ToolLoop} until the model
 * answers. The scripted model calls both tools at once in round 1 and answers in round 2; the
 * listener prints each round. Runs against the testkit's server, offline.
 */
public final class ToolLoopExample {
  /** The arguments of {@code get_weather}. */
  public record GetWeather(@Description("City name") String city) {}

  /** Tools as methods: the parameters are the arguments. */
  public static final class Clock {
    /** The local time in a city. */
    @ToolMethod(name = "local_time", description = "The local time in a city")
    public String localTime(@ToolParam("city") String city) {
      return city.equals("Tokyo") ? "21:00" : "13:00";
    }
  }

  private ToolLoopExample() {}

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}. */
  public static void run(PrintStream out) {
    Tools tools = Tools.builder()
        .add(TypedTool.of("get_weather", "Current weather", GetWeather.class),
            args -> args.city() + ": 18 C, clear")
        .addMethods(new Clock())
        .build();
    try (ChatServer server = ChatServer.start();
        ChatWire client = ChatWire.builder().baseUrl(server.getBaseUrl().toString()).build()) {
      server.enqueue(MockResponse.json(completion("null", "[" + call("call_1", "get_weather")
          + "," + call("call_2", "local_time") + "]", "tool_calls")));
      server.enqueue(MockResponse.json(completion(
          "\"In Tokyo it is 21:00 and 18 C, clear.\"", "[]", "stop")));
      ToolLoop loop = ToolLoop.builder(client, tools).maxRounds(4).listener(new ToolLoopListener() {
        @Override
        public void onRequest(int round, ChatCompletionRequest request) {
          out.println("round " + round + ": " + request.getMessages().size() + " messages");
        }

        @Override
        public void onToolResult(int round, ToolCall call, ChatMessage result) {
          out.println("  " + call.getFunction().getName() + " -> " + result.getContent());
        }
      }).build();
      ToolLoopResult result = loop.run(ChatCompletionRequest.builder().model("gpt-4o-mini")
          .addUserMessage("Weather and time in Tokyo?").build());
      out.println("answer: " + result.getText() + " (" + result.getRounds() + " rounds)");
    }
  }

  private static String call(String id, String name) {
    return "{\"id\":\"" + id + "\",\"type\":\"function\",\"function\":{\"name\":\"" + name
        + "\",\"arguments\":\"{\\\"city\\\":\\\"Tokyo\\\"}\"}}";
  }

  private static String completion(String content, String toolCalls, String finish) {
    return "{\"id\":\"chatcmpl-ex\",\"object\":\"chat.completion\",\"created\":1732400000,"
        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":" + content + ",\"tool_calls\":" + toolCalls + "},\"finish_reason\":\""
        + finish + "\"}]}";
  }
}
