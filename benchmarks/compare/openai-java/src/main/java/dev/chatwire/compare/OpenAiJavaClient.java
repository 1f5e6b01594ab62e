package dev.chatwire.compare;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.concurrent.CompletableFuture;

/** The official SDK, {@code com.openai:openai-java} on its OkHttp client: blocking and async. */
public final class OpenAiJavaClient implements StreamClient {
  private final OpenAIClient client;

  public OpenAiJavaClient(String baseUrl, String arg) {
    client = OpenAIOkHttpClient.builder().baseUrl(baseUrl).apiKey("sk-test").maxRetries(0).build();
  }

  private static ChatCompletionCreateParams params(String model) {
    return ChatCompletionCreateParams.builder().model(model).addUserMessage("Count.")
        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
  }

  @Override
  public void stream(String model, Sink sink) {
    try (StreamResponse<ChatCompletionChunk> stream =
        client.chat().completions().createStreaming(params(model))) {
      stream.stream().forEach(chunk -> report(chunk, sink));
    }
  }

  @Override
  public CompletableFuture<Void> streamAsync(String model, Sink sink) {
    return client.async().chat().completions().createStreaming(params(model))
        .subscribe(chunk -> report(chunk, sink)).onCompleteFuture();
  }

  private static void report(ChatCompletionChunk chunk, Sink sink) {
    for (ChatCompletionChunk.Choice choice : chunk.choices()) {
      choice.delta().content().ifPresent(sink::token);
      choice.finishReason().ifPresent(f -> sink.finish(f.asString()));
    }
    chunk.usage().ifPresent(
        u -> sink.usage(u.promptTokens(), u.completionTokens(), u.totalTokens()));
  }

  @Override
  public void close() {
    client.close();
  }
}
