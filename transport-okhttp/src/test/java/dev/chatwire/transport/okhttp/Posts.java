package dev.chatwire.transport.okhttp;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.transport.HttpRequest;
import java.nio.charset.StandardCharsets;

/** The JSON POST these tests send to a {@link ChatServer}. */
final class Posts {
  private Posts() {}

  /** A POST of {@code json} to {@code /v1/chat/completions} on {@code server}. */
  static HttpRequest.Builder json(ChatServer server, String json) {
    return HttpRequest.builder()
        .method("POST")
        .uri(server.url("/v1/chat/completions"))
        .header("Content-Type", "application/json")
        .body(json.getBytes(StandardCharsets.UTF_8));
  }
}
