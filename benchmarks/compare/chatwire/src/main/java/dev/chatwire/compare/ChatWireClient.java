package dev.chatwire.compare;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Usage;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.jdk.JdkTransport;
import dev.chatwire.transport.netty.NettyTransport;
import dev.chatwire.transport.okhttp.OkHttpTransport;
import java.util.concurrent.CompletableFuture;

/** ChatWire on the transport its argument names: the blocking iterator, or the async listener. */
public final class ChatWireClient implements StreamClient {
  private final ChatWire client;

  public ChatWireClient(String baseUrl, String transport) {
    Transport t;
    switch (transport) {
      case "okhttp": t = OkHttpTransport.create(); break;
      // 1,000 concurrent streams need 1,000 connections (HTTP/1.1); the default allows 256 per host.
      case "netty": t = NettyTransport.builder().maxConnectionsPerHost(1024).build(); break;
      case "jdk": t = JdkTransport.create(); break;
      default: throw new IllegalArgumentException(transport);
    }
    client = ChatWire.builder().baseUrl(baseUrl).apiKey("sk-test").transport(t).build();
  }

  private static ChatCompletionRequest request(String model) {
    return ChatCompletionRequest.builder().model(model).addUserMessage("Count.").build();
  }

  @Override
  public void stream(String model, Sink sink) {
    try (ChatStream stream = client.chat().stream(request(model))) {
      for (ChatCompletionChunk chunk : stream) report(chunk, sink);
    }
  }

  @Override
  public CompletableFuture<Void> streamAsync(String model, Sink sink) {
    return client.chat().streamAsync(request(model), chunk -> report(chunk, sink))
        .thenApply(completion -> null);
  }

  private static void report(ChatCompletionChunk chunk, Sink sink) {
    for (ChunkChoice choice : chunk.getChoices()) {
      String content = choice.getDelta().getContent();
      if (content != null) sink.token(content);
      if (choice.getFinishReason() != null) sink.finish(choice.getFinishReason().getValue());
    }
    Usage usage = chunk.getUsage();
    if (usage != null) {
      sink.usage(usage.getPromptTokens(), usage.getCompletionTokens(), usage.getTotalTokens());
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
