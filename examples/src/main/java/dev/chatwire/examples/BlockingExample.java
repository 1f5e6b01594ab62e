package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import java.io.PrintStream;

/** One question, one answer: a blocking call, then the answer's text and its token usage. */
public final class BlockingExample {
  private BlockingExample() {}

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
          .addSystemMessage("Answer in one sentence.")
          .addUserMessage("Why is the sky blue?")
          .temperature(0.2)
          .build();

      ChatCompletion completion = client.chat().create(request);

      out.println(completion.getText());
      if (completion.getUsage() != null) {
        out.println("tokens: " + completion.getUsage().getTotalTokens());
      }
    }
  }
}
