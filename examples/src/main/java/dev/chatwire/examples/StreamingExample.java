package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import java.io.PrintStream;

/**
 * A streamed answer: each piece of text printed the moment it arrives, then the whole completion
 * (accumulated from the chunks) with its finish reason and usage.
 */
public final class StreamingExample {
  private StreamingExample() {}

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
          .addUserMessage("Write a haiku about bytes.")
          .build();

      try (ChatStream stream = client.chat().stream(request)) {
        for (String text : stream.textDeltas()) {
          out.print(text);
          out.flush();
        }
        ChatCompletion whole = stream.getCompletion();
        out.println();
        out.println("finish_reason: " + whole.getChoices().get(0).getFinishReason()
            + ", tokens: " + (whole.getUsage() == null ? "?" : whole.getUsage().getTotalTokens()));
      }
    }
  }
}
