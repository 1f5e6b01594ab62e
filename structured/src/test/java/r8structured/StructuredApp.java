package r8structured;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ToolCall;
import dev.chatwire.structured.StructuredOutput;
import dev.chatwire.structured.TypedTool;

/**
 * The app that StructuredR8Test shrinks: one structured call to the URL in {@code args[0]}
 * (the transport found by ServiceLoader), the answer read into {@link Forecast}, and a typed
 * tool's arguments read back; it prints what it read and the schema's property names.
 */
public final class StructuredApp {
  private StructuredApp() {}

  public static void main(String[] args) {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .model("gpt-4o-mini")
        .addUserMessage("Forecast for Paris?")
        .responseFormat(StructuredOutput.responseFormat(Forecast.class))
        .build();
    try (ChatWire client = ChatWire.builder().baseUrl(args[0]).apiKey("sk-r8-app").build()) {
      Forecast f = StructuredOutput.parse(client.chat().create(request), Forecast.class);
      System.out.println("city=" + f.city() + " unit=" + f.unit() + " highs=" + f.highs());
    }
    TypedTool<Forecast> tool = TypedTool.of("report", null, Forecast.class);
    Forecast args2 = tool.parseArguments(ToolCall.function("c", "report",
        "{\"city\":\"Oslo\",\"unit\":\"FAHRENHEIT\",\"highs\":[1]}"));
    System.out.println("tool city=" + args2.city() + " unit=" + args2.unit());
  }
}
