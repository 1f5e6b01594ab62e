package dev.chatwire.benchmarks;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.transport.netty.NettyTransport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One stream on loopback over the Netty transport, consumed two ways in the same JVM and run:
 * the blocking {@code stream()} iterator and the async {@code streamAsync} listener, alternated
 * round by round. Reports chunks per second and the client's CPU per chunk (the CPU time of the
 * transport's event loop threads plus the consuming thread; the scripted server's own thread is
 * left out). Every stream's text is checked.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chatwire.benchmarks.LoopbackStreams [chunks] [rounds]
 * </pre>
 */
public final class LoopbackStreams {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LoopbackStreams() {}

  public static void main(String[] args) throws Exception {
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    List<String> events = new ArrayList<>(chunks);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      String word = i % 7 == 0 ? " caf\\u00e9" : " w" + (i % 100);
      events.add("{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":"
          + "\"chat.completion.chunk\",\"created\":1741570283,\"model\":\"gpt-4o-2024-08-06\","
          + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_eb9dce56a8\",\"choices\":"
          + "[{\"index\":0,\"delta\":{\"content\":\"" + word + "\"},\"logprobs\":null,"
          + "\"finish_reason\":null}]}");
      expected.append(i % 7 == 0 ? " café" : " w" + (i % 100));
    }
    MockResponse response = MockResponse.sse(events);
    ChatCompletionRequest request =
        ChatCompletionRequest.builder().model("gpt-4o").addUserMessage("Count.").build();
    try (ChatServer server = ChatServer.start();
        NettyTransport transport = NettyTransport.create();
        ChatWire client = ChatWire.builder().baseUrl(server.url("/v1").toString())
            .transport(transport).build()) {
      System.out.printf("Netty transport, one stream of %,d chunks per run, %d rounds%n",
          chunks, rounds);
      System.out.printf("%-9s %5s %12s %14s%n", "mode", "round", "chunks/s", "client µs/chunk");
      for (int round = 0; round < rounds; round++) {
        for (int m = 0; m < 2; m++) {
          boolean blocking = (round + m) % 2 == 0;
          server.enqueue(response);
          long cpu0 = clientCpuNanos();
          long t0 = System.nanoTime();
          String text = blocking ? blocking(client, request) : async(client, request);
          long wall = System.nanoTime() - t0;
          long cpu = clientCpuNanos() - cpu0;
          if (!text.equals(expected.toString())) throw new AssertionError("wrong text");
          System.out.printf("%-9s %5d %,12.0f %14.2f%n", blocking ? "blocking" : "async",
              round, chunks * 1e9 / wall, cpu / 1e3 / chunks);
        }
      }
    }
  }

  private static String blocking(ChatWire client, ChatCompletionRequest request) {
    StringBuilder text = new StringBuilder();
    try (ChatStream stream = client.chat().stream(request)) {
      for (ChatCompletionChunk chunk : stream) {
        if (!chunk.getChoices().isEmpty()) {
          String content = chunk.getChoices().get(0).getDelta().getContent();
          if (content != null) text.append(content);
        }
      }
    }
    return text.toString();
  }

  private static String async(ChatWire client, ChatCompletionRequest request) throws Exception {
    ChatCompletion c = client.chat().streamAsync(request, chunk -> {}).get(60, TimeUnit.SECONDS);
    return c.getChoices().get(0).getMessage().getContent();
  }

  /** CPU of the transport's event loops and the main (consuming) thread. */
  private static long clientCpuNanos() {
    long sum = 0;
    for (long id : THREADS.getAllThreadIds()) {
      java.lang.management.ThreadInfo info = THREADS.getThreadInfo(id);
      if (info == null) continue;
      String name = info.getThreadName();
      if (name.startsWith("chatwire-netty") || name.equals("main")) {
        long t = THREADS.getThreadCpuTime(id);
        if (t > 0) sum += t;
      }
    }
    return sum;
  }
}
