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
import java.io.PrintStream;

/**
 * A tool loop: a typed tool (its arguments a record) and an annotated method, run by {@link
 * ToolLoop} until the model answers without calling one; the listener prints each round. A tool
 * that throws is reported to the model as an error result ({@code ToolErrorPolicy.REPORT}).
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

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), System.out);
  }

  /** Runs the example against {@code endpoint}, printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    Tools tools = Tools.builder()
        .add(TypedTool.of("get_weather", "Current weather", GetWeather.class),
            args -> args.city() + ": 18 C, clear")
        .addMethods(new Clock())
        .build();
    try (ChatWire client = ChatWire.builder()
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.apiKey())
        .build()) {
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
      ToolLoopResult result = loop.run(ChatCompletionRequest.builder().model(endpoint.model())
          .addUserMessage("Weather and time in Tokyo?").build());
      out.println("answer: " + result.getText() + " (" + result.getRounds() + " rounds)");
    }
  }
}
