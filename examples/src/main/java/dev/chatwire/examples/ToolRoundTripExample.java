package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolCall;
import java.io.PrintStream;

/**
 * A tool call by hand, with the core API only: declare a function with its JSON schema, read the
 * calls from the answer, run them, send their results back in {@code tool} messages, and get the
 * final answer. (The {@code chatwire-structured} module does this for you: see {@link
 * ToolLoopExample}.)
 */
public final class ToolRoundTripExample {
  private static final Tool GET_WEATHER = Tool.function("get_weather", "The current weather in a city",
      "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
          + "\"required\":[\"city\"],\"additionalProperties\":false}");

  private ToolRoundTripExample() {}

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), System.out);
  }

  /** Runs the example against {@code endpoint}, printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    try (ChatWire client = ChatWire.builder()
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.apiKey())
        .build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())
          .addUserMessage("Should I take an umbrella in Paris today?")
          .addTool(GET_WEATHER)
          .build();

      ChatCompletionMessage answer = client.chat().create(request).getChoices().get(0).getMessage();
      ChatCompletionRequest.Builder next = request.toBuilder()
          .addMessage(ChatMessage.fromResponse(answer));   // the assistant turn with its calls
      for (ToolCall call : answer.getToolCalls()) {
        String name = call.getFunction().getName();
        String arguments = call.getFunction().getArguments();
        out.println("the model calls " + name + arguments);
        String result = "get_weather".equals(name) ? weather(arguments) : "{\"error\":\"unknown tool\"}";
        next.addToolMessage(call.getId(), result);
      }

      ChatCompletion done = client.chat().create(next.build());
      out.println("answer: " + done.getText());
    }
  }

  /** The tool itself; a real one would read the city from the arguments and ask a service. */
  private static String weather(String argumentsJson) {
    return argumentsJson.contains("Paris") ? "{\"sky\":\"rain\",\"celsius\":14}"
        : "{\"sky\":\"clear\",\"celsius\":20}";
  }
}
