package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Headers;
import java.io.PrintStream;

/**
 * How much of your rate limit is left, from the headers of successful responses: an {@link
 * EventListener} sees every response's headers ({@code x-ratelimit-remaining-requests}, {@code
 * x-ratelimit-remaining-tokens}, {@code x-ratelimit-reset-requests} on OpenAI; other providers
 * name them alike), so a client can slow down before it is refused.
 */
public final class RateLimitHeadersExample {
  private RateLimitHeadersExample() {}

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), System.out);
  }

  /** Runs the example against {@code endpoint}, printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    EventListener rateLimits = new EventListener() {
      @Override
      public void responseHeaders(int status, Headers headers) {
        // Runs on the call's thread of the moment: keep it quick, hand the numbers on.
        out.println("HTTP " + status
            + ": requests left " + headers.get("x-ratelimit-remaining-requests")
            + " of " + headers.get("x-ratelimit-limit-requests")
            + ", tokens left " + headers.get("x-ratelimit-remaining-tokens")
            + ", requests reset in " + headers.get("x-ratelimit-reset-requests"));
      }
    };
    try (ChatWire client = ChatWire.builder()
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.apiKey())
        .eventListener(rateLimits)
        .build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())
          .addUserMessage("Say hi.")
          .build();
      out.println("answer: " + client.chat().create(request).getText());
    }
  }
}
