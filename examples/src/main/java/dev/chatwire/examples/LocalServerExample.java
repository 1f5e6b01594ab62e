package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import java.io.PrintStream;

/**
 * A model on your own machine: Ollama ({@code http://localhost:11434/v1}), vLLM ({@code
 * http://localhost:8000/v1}) or llama.cpp's server ({@code http://localhost:8080/v1}) work by base
 * URL alone, with no key. Reasoning models served by them send their thinking in {@code
 * reasoning_content}, kept apart from the answer.
 */
public final class LocalServerExample {
  private LocalServerExample() {}

  /** Arguments: [base URL, Ollama's unless given] [model, llama3.2 unless given]. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args, "http://localhost:11434/v1", "llama3.2"), System.out);
  }

  /** Runs the example against {@code endpoint} (its key is not used), printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    try (ChatWire client = ChatWire.builder().baseUrl(endpoint.baseUrl()).build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())
          .addUserMessage("What is 17 * 23?")
          .build();

      try (ChatStream stream = client.chat().stream(request)) {
        for (String text : stream.textDeltas()) out.print(text);
        out.println();
        ChatCompletion whole = stream.getCompletion();
        String thinking = whole.getChoices().get(0).getMessage().getReasoningContent();
        if (thinking != null) out.println("(thought: " + thinking + ")");
      }
    }
  }
}
