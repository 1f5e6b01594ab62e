package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.RetryPolicy;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.AuthenticationException;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ChatWireTimeoutException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.model.ChatCompletionRequest;
import java.io.PrintStream;

/**
 * Errors by what you do about them: every exception is an unchecked {@link ChatWireException}, and
 * its subclass says whether to fix the key, fix the request, wait, or try again later. Rate limits
 * and server errors are retried before they reach you (once here; twice by default).
 */
public final class ErrorHandlingExample {
  private ErrorHandlingExample() {}

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), System.out);
  }

  /** Runs the example against {@code endpoint}, printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    try (ChatWire client = ChatWire.builder()
        .baseUrl(endpoint.baseUrl())
        .apiKey(endpoint.apiKey())
        .retryPolicy(RetryPolicy.builder().maxRetries(1).build())
        .build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())
          .addUserMessage("Hello")
          .build();
      try {
        out.println("answer: " + client.chat().create(request).getText());
      } catch (AuthenticationException e) {
        out.println("check the API key: " + e.getMessage());
      } catch (RateLimitException e) {
        out.println("rate limited, the server asks to wait " + e.getRetryAfter()
            + " (request " + e.getRequestId() + ")");
      } catch (BadRequestException e) {
        out.println("fix the request: param=" + e.getParam() + ", code=" + e.getCode()
            + ": " + e.getError().getMessage());
      } catch (ApiException e) {
        out.println("HTTP " + e.getStatus() + " " + e.getType() + ": " + e.getMessage());
      } catch (ChatWireTimeoutException e) {
        out.println("timed out after " + e.getTimeout());
      } catch (ConnectionException e) {
        out.println("could not reach the server: " + e.getMessage());
      }
    }
  }
}
