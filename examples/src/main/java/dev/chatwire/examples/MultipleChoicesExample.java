package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Choice;
import java.io.PrintStream;

/**
 * Several answers to one request ({@code n = 3}): one choice each, by index. Usage counts the
 * prompt once and the tokens of every choice.
 */
public final class MultipleChoicesExample {
  private MultipleChoicesExample() {}

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
          .addUserMessage("Suggest a name for a coffee shop. Only the name.")
          .n(3)
          .temperature(1.0)
          .build();

      ChatCompletion completion = client.chat().create(request);

      for (Choice choice : completion.getChoices()) {
        out.println(choice.getIndex() + ": " + choice.getMessage().getContent());
      }
    }
  }
}
