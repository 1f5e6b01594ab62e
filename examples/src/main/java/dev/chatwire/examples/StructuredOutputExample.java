package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.structured.Description;
import dev.chatwire.structured.StructuredOutput;
import dev.chatwire.structured.StructuredStream;
import java.io.PrintStream;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Structured output: the answer's type gives the strict {@code json_schema}, the answer is read
 * back into it, and while it streams each partial answer is shown as it forms. A refusal, a
 * cut-off answer or one that does not fit throws a {@code StructuredOutputException} subclass.
 */
public final class StructuredOutputExample {
  /** The answer's type: every component is required, {@code tip} may be null. */
  @Description("A city recommendation")
  public record Recommendation(
      @Description("The city") String city,
      List<String> sights,
      @Description("A short tip, or null") @Nullable String tip) {}

  private StructuredOutputExample() {}

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
}
