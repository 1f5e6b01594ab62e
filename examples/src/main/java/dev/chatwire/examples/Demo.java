package dev.chatwire.examples;

import dev.chatwire.transport.HttpRequest;
import java.net.URI;

/** README's first command: shows ChatWire working, offline. */
public final class Demo {
  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) {
    HttpRequest request =
        HttpRequest.builder()
            .method("POST")
            .uri(URI.create("http://127.0.0.1:8080/v1/chat/completions"))
            .header("Authorization", "Bearer sk-secret")
            .build();
    System.out.println(request);
  }
}
