package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * README's first command: starts the testkit's OpenAI-compatible server in this process, streams
 * a chat completion from it through ChatWire (the transport is found on the class path), prints
 * each token as it arrives, then the accumulated completion. Works offline.
 */
public final class Demo {
  private static final String[] TOKENS = {
    "Chat", "Wire", " streams", " each", " token", " the", " moment", " its", " bytes", " arrive",
    "."
  };

  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) {
    try (ChatServer server = ChatServer.start()) {
      server.enqueue(MockResponse.sse(script()).eventDelay(Duration.ofMillis(60)));
      try (ChatWire client =
          ChatWire.builder().baseUrl(server.getBaseUrl().toString()).apiKey("sk-demo").build()) {
        ChatCompletionRequest request =
            ChatCompletionRequest.builder()
                .model("demo-model")
                .addUserMessage("Say something about ChatWire.")
                .build();
        System.out.println("> " + client);
        try (ChatStream stream = client.chat().stream(request)) {
          for (String token : stream.textDeltas()) {
            System.out.print(token);
            System.out.flush();
          }
          ChatCompletion done = stream.getCompletion();
          System.out.println();
          System.out.println("> finish_reason=" + done.getChoices().get(0).getFinishReason()
              + ", usage=" + done.getUsage());
        }
      }
    }
  }

  private static List<String> script() {
    List<String> events = new ArrayList<>();
    String head = "{\"id\":\"chatcmpl-demo\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1732400000,\"model\":\"demo-model\",\"choices\":[";
    events.add(head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"finish_reason\":null}]}");
    for (String t : TOKENS) {
      events.add(head + "{\"index\":0,\"delta\":{\"content\":\"" + t + "\"},\"finish_reason\":null}]}");
    }
    events.add(head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}");
    events.add(head + "],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":" + TOKENS.length
        + ",\"total_tokens\":" + (9 + TOKENS.length) + "}}");
    return events;
  }
}
