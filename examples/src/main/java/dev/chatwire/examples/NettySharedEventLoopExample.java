package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.netty.NettyTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ChatWire on the Netty event loop your server already runs: no thread of its own, many streams
 * on one thread. The transport uses your group and leaves it running when closed; you shut the
 * group down when your application stops. Here three questions stream at once on one thread.
 */
public final class NettySharedEventLoopExample {
  private NettySharedEventLoopExample() {}

  /** Arguments: [base URL] [model]; the key comes from {@code OPENAI_API_KEY}. */
  public static void main(String[] args) {
    run(Endpoint.fromArgs(args), System.out);
  }

  /** Runs the example against {@code endpoint}, printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    EventLoopGroup group = new NioEventLoopGroup(1);   // your application's event loop
    try (NettyTransport transport = NettyTransport.create(group);
        ChatWire client = ChatWire.builder()
            .baseUrl(endpoint.baseUrl())
            .apiKey(endpoint.apiKey())
            .transport(transport)
            .build()) {
      List<CompletableFuture<ChatCompletion>> answers = new ArrayList<>();
      for (String city : new String[] {"Lima", "Oslo", "Pune"}) {
        ChatCompletionRequest request = ChatCompletionRequest.builder()
            .model(endpoint.model())
            .addUserMessage("One fact about " + city + ", in ten words.")
            .build();
        // Chunks arrive on the group's thread: the listener must not block.
        answers.add(client.chat().streamAsync(request, chunk -> { }));
      }
      for (CompletableFuture<ChatCompletion> answer : answers) out.println(answer.join().getText());
      out.println("group still running: " + !group.isShuttingDown());
    } finally {
      group.shutdownGracefully();
    }
  }
}
