package r8app;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;

/**
 * The app that R8ShrinkTest shrinks: it streams one chat completion from the URL in {@code
 * args[0]} and prints the text, then the finish reason. It names no transport, so the one on the
 * class path is found by {@code ServiceLoader}; and it ships no keep rules beyond its own main.
 */
public final class ChatApp {
  private ChatApp() {}

  public static void main(String[] args) {
    ChatCompletionRequest request = ChatCompletionRequest.builder()
        .model("gpt-4o-mini")
        .addUserMessage("Say hello to R8.")
        .build();
    try (ChatWire client = ChatWire.builder().baseUrl(args[0]).apiKey("sk-r8-app").build();
        ChatStream stream = client.chat().stream(request)) {
      StringBuilder text = new StringBuilder();
      for (String delta : stream.textDeltas()) text.append(delta);
      ChatCompletion completion = stream.getCompletion();
      System.out.println("text=" + text);
      System.out.println("finish=" + completion.getChoices().get(0).getFinishReason());
    }
  }
}
