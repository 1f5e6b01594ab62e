package dev.chatwire.compare;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.jdk.JdkTransport;
import dev.chatwire.transport.netty.NettyTransport;
import dev.chatwire.transport.okhttp.OkHttpTransport;
import java.util.Arrays;

/**
 * Times warm blocking {@code create()} calls of ChatWire against a running {@code Launcher
 * --serve} server: {@code CreateLatency <port> <okhttp|netty|jdk> <calls>} prints the p50, p90
 * and p99 of the second half. The server streams even to a non-streaming request (a proxy quirk
 * ChatWire accepts), three tokens; every answer's text is checked.
 */
public final class CreateLatency {
  private CreateLatency() {}

  public static void main(String[] args) {
    Transport transport;
    switch (args[1]) {
      case "okhttp": transport = OkHttpTransport.create(); break;
      case "netty": transport = NettyTransport.create(); break;
      case "jdk": transport = JdkTransport.create(); break;
      default: throw new IllegalArgumentException(args[1]);
    }
    int calls = Integer.parseInt(args[2]);
    Script script = new Script(3);
    long[] times = new long[calls];
    try (ChatWire client = ChatWire.builder().baseUrl("http://127.0.0.1:" + args[0] + "/v1")
        .apiKey("sk-test").transport(transport).build()) {
      ChatCompletionRequest request =
          ChatCompletionRequest.builder().model("bench-3-0-0").addUserMessage("Count.").build();
      for (int i = 0; i < calls; i++) {
        long t0 = System.nanoTime();
        ChatCompletion c = client.chat().create(request);
        times[i] = System.nanoTime() - t0;
        if (!script.text.equals(c.getChoices().get(0).getMessage().getContent())) {
          throw new AssertionError("call " + i + ": the text differs");
        }
      }
    }
    long[] warm = Arrays.copyOfRange(times, calls / 2, calls);
    Arrays.sort(warm);
    System.out.printf("create p50 %.1f us, p90 %.1f, p99 %.1f%n", warm[warm.length / 2] / 1e3,
        warm[(int) (warm.length * 0.9)] / 1e3, warm[(int) (warm.length * 0.99)] / 1e3);
    System.exit(0);
  }
}
