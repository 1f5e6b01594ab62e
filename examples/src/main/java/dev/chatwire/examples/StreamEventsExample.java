package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Tool;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.CompletionDone;
import dev.chatwire.stream.ContentDelta;
import dev.chatwire.stream.ContentDone;
import dev.chatwire.stream.RefusalDelta;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.ToolCallArgumentsDelta;
import dev.chatwire.stream.ToolCallDone;
import java.io.PrintStream;

/**
 * A stream read as typed events instead of raw chunks: text as it arrives, tool-call arguments
 * with the partial value parsed so far (show a form filling in while the model writes it), each
 * call when its arguments are whole, and the completion at the end.
 */
public final class StreamEventsExample {
  private StreamEventsExample() {}

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
          .addUserMessage("Book a table for two in Rome tonight, and tell me what you did.")
          .addTool(Tool.function("book_table", "Books a restaurant table",
              "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},"
                  + "\"guests\":{\"type\":\"integer\"}},\"required\":[\"city\",\"guests\"],"
                  + "\"additionalProperties\":false}"))
          .build();

      try (ChatStream stream = client.chat().stream(request)) {
        for (StreamEvent event : stream.events()) {
          if (event instanceof ContentDelta delta) {
            out.println("text: " + delta.getDelta());
          } else if (event instanceof ContentDone done) {
            out.println("text done: " + done.getContent());
          } else if (event instanceof RefusalDelta refusal) {
            out.println("refusal: " + refusal.getDelta());
          } else if (event instanceof ToolCallArgumentsDelta args) {
            out.println(args.getName() + " so far: " + args.getPartialValue());
          } else if (event instanceof ToolCallDone call) {
            out.println("call " + call.getId() + ": " + call.getName() + call.getArguments());
          } else if (event instanceof CompletionDone end) {
            out.println("finish_reason: " + end.getCompletion().getChoices().get(0).getFinishReason());
          }
        }
      }
    }
  }
}
