package dev.chatwire.compare;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/** {@code langchain4j-open-ai}'s streaming chat model (its default JDK HTTP client). */
public final class LangChain4jClient implements StreamClient {
  private final OpenAiStreamingChatModel model;

  public LangChain4jClient(String baseUrl, String arg) {
    model = OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("sk-test")
        .modelName("unused").build();
  }

  @Override
  public void stream(String modelName, Sink sink) throws Exception {
    streamAsync(modelName, sink).get();
  }

  @Override
  public CompletableFuture<Void> streamAsync(String modelName, Sink sink) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from("Count."))
        .modelName(modelName).build();
    model.chat(request, new StreamingChatResponseHandler() {
      @Override
      public void onPartialResponse(String text) {
        sink.token(text);
      }

      @Override
      public void onCompleteResponse(ChatResponse response) {
        sink.finish(response.finishReason().name().toLowerCase(Locale.ROOT));
        TokenUsage u = response.tokenUsage();
        sink.usage(u.inputTokenCount(), u.outputTokenCount(), u.totalTokenCount());
        done.complete(null);
      }

      @Override
      public void onError(Throwable error) {
        done.completeExceptionally(error);
      }
    });
    return done;
  }
}
