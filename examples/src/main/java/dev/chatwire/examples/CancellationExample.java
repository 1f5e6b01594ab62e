package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.RequestOptions;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ChatWireTimeoutException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Stopping early and giving up in time: a stream closed after a few pieces releases its
 * connection, and a deadline for the whole call ends it with a {@link ChatWireTimeoutException}
 * that keeps what had arrived. The client's idle timeout bounds the gap between two reads.
 */
public final class CancellationExample {
  private CancellationExample() {}

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), Duration.ofSeconds(5), System.out);
  }

  /** Runs the example against {@code endpoint} with a {@code deadline}, printing to {@code out}. */
  public static void run(Endpoint endpoint, Duration deadline, PrintStream out) {
    try (ChatWire client = ChatWire.builder()
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.apiKey())
        .timeouts(Timeouts.builder().idle(Duration.ofSeconds(30)).build())
        .build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())
          .addUserMessage("Count from 1 to 100, one number per line.")
          .build();

      // 1. Stop reading after three pieces: closing the stream cancels the call.
      int pieces = 0;
      try (ChatStream stream = client.chat().stream(request)) {
        for (String text : stream.textDeltas()) {
          out.print(text);
          if (++pieces == 3) break;
        }
      }
      out.println();
      out.println("stopped after " + pieces + " pieces");

      // 2. A deadline for this call only, retries included.
      RequestOptions inTime = RequestOptions.builder()
          .timeouts(client.getTimeouts().toBuilder().total(deadline).build())
          .build();
      try (ChatStream stream = client.chat().stream(request, inTime)) {
        for (String text : stream.textDeltas()) out.print(text);
        out.println();
        out.println("done in time");
      } catch (ChatWireTimeoutException e) {
        ChatCompletion partial = e.getPartialCompletion();
        out.println();
        out.println(e.getClass().getSimpleName() + " after " + e.getTimeout().toMillis()
            + " ms, kept: " + (partial == null ? "nothing" : partial.getText()));
      }
    }
  }
}
