package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.StreamListener;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;

/**
 * Without blocking a thread: {@code createAsync} returns a {@link CompletableFuture}, and {@code
 * streamAsync} hands each chunk to a {@link StreamListener} on a transport thread. The example
 * joins the futures only so that {@code main} waits for them.
 */
public final class AsyncExample {
  private AsyncExample() {}

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
          .addUserMessage("Name a prime number.")
          .build();

      CompletableFuture<Void> answered = client.chat().createAsync(request)
          .thenAccept(c -> out.println("async: " + c.getText()));
      answered.join();

      CompletableFuture<ChatCompletion> streamed = client.chat().streamAsync(request,
          new StreamListener() {
            @Override
            public void onChunk(ChatCompletionChunk chunk) {
              // Called on a transport thread, one chunk at a time: never block here.
              if (!chunk.getChoices().isEmpty()) {
                String text = chunk.getChoices().get(0).getDelta().getContent();
                if (text != null) out.print(text);
              }
            }

            @Override
            public void onComplete(ChatCompletion completion) {
              out.println();
            }

            @Override
            public void onError(ChatWireException error) {
              out.println("failed: " + error.getMessage());
            }
          });
      out.println("streamed: " + streamed.join().getText());
    }
  }
}
