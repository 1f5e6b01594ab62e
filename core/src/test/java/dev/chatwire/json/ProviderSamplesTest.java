package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.error.ApiError;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.internal.json.ErrorReader;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Role;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.TokenLogprob;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.Usage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Key fields of each recorded provider payload (see samples/MANIFEST.md for the sources). */
class ProviderSamplesTest {
  private static ChatCompletion completion(String name) {
    return ChatJson.readCompletion(Samples.text(name));
  }

  static List<ChatCompletionChunk> stream(String name) {
    ChunkReader reader = new ChunkReader();
    List<ChatCompletionChunk> out = new ArrayList<>();
    long index = 0;
    for (String json : Samples.chunks(name)) {
      byte[] b = Samples.utf8(json);
      out.add(reader.read(b, 0, b.length, index++));
    }
    return out;
  }

  @Test
  void openAiCompletionWithThreeChoicesKeepsEachIndexAndMessage() {
    ChatCompletion c = completion("openai-completion-n3.json");
    assertThat(c.getId()).isEqualTo("chatcmpl-ABfvp8qzboW92q8ONDF4DPHlI7ckC");
    assertThat(c.getObject()).isEqualTo("chat.completion");
    assertThat(c.getCreated()).isEqualTo(1727346157L);
    assertThat(c.getModel()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(c.getSystemFingerprint()).isEqualTo("fp_b40fb1c6fb");
    assertThat(c.getChoices()).extracting(Choice::getIndex).containsExactly(0, 1, 2);
    Choice third = c.getChoices().get(2);
    assertThat(third.getFinishReason()).isSameAs(FinishReason.STOP);
    assertThat(third.getLogprobs()).isNull();
    assertThat(third.getMessage().getRole()).isSameAs(Role.ASSISTANT);
    assertThat(third.getMessage().getContent())
        .isEqualTo("{\"city\":\"San Francisco\",\"temperature\":63.0,\"units\":\"f\"}");
    Usage u = c.getUsage();
    assertThat(u.getPromptTokens()).isEqualTo(79);
    assertThat(u.getCompletionTokens()).isEqualTo(44);
    assertThat(u.getTotalTokens()).isEqualTo(123);
    assertThat(u.getCompletionTokensDetails().getReasoningTokens()).isZero();
    assertThat(u.getPromptTokensDetails()).isNull();
  }

  @Test
  void openAiCompletionWithToolCallHasNullContentAndTheCall() {
    Choice choice = completion("openai-completion-tool-call.json").getChoices().get(0);
    assertThat(choice.getFinishReason()).isSameAs(FinishReason.TOOL_CALLS);
    ChatCompletionMessage m = choice.getMessage();
    assertThat(m.getContent()).isNull();
    assertThat(m.getRefusal()).isNull();
    ToolCall call = m.getToolCalls().get(0);
    assertThat(call.getIndex()).isNull();
    assertThat(call.getId()).isEqualTo("call_NKpApJybW1MzOjZO2FzwYw0d");
    assertThat(call.getType()).isEqualTo("function");
    assertThat(call.getFunction().getName()).isEqualTo("Query");
    assertThat(call.getFunction().getArguments()).startsWith("{\"name\":\"May 2022 Fulfilled");
  }

  @Test
  void openAiCompletionRefusalIsItsOwnField() {
    ChatCompletionMessage m = completion("openai-completion-refusal.json").getChoices().get(0)
        .getMessage();
    assertThat(m.getContent()).isNull();
    assertThat(m.getRefusal()).isEqualTo("I'm very sorry, but I can't assist with that.");
  }

  @Test
  void openAiStreamLogprobsCarryTokenBytesAndTopList() {
    List<ChatCompletionChunk> chunks = stream("openai-stream-logprobs.jsonl");
    assertThat(chunks.get(0).getChoices().get(0).getLogprobs().getContent()).isEmpty();
    assertThat(chunks.get(0).getChoices().get(0).getLogprobs().getRefusal()).isNull();
    TokenLogprob foo = chunks.get(1).getChoices().get(0).getLogprobs().getContent().get(0);
    assertThat(foo.getToken()).isEqualTo("Foo");
    assertThat(foo.getLogprob()).isEqualTo(-0.0025094282);
    assertThat(foo.getBytes()).containsExactly(70, 111, 111);
    assertThat(foo.getTopLogprobs()).isEmpty();
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.getChoices()).isEmpty();
    assertThat(last.getUsage().getTotalTokens()).isEqualTo(11);
  }

  @Test
  void openAiStreamRefusalLogprobsAreReadIntoTheRefusalList() {
    List<ChatCompletionChunk> chunks = stream("openai-stream-refusal-logprobs.jsonl");
    assertThat(chunks.get(0).getChoices().get(0).getDelta().getRefusal()).isEmpty();
    assertThat(chunks.get(0).getChoices().get(0).getDelta().getContent()).isNull();
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getRefusal()).isEqualTo("I'm");
    TokenLogprob t = chunks.get(1).getChoices().get(0).getLogprobs().getRefusal().get(0);
    assertThat(t.getToken()).isEqualTo("I'm");
    assertThat(chunks.get(1).getChoices().get(0).getLogprobs().getContent()).isNull();
  }

  @Test
  void openAiStreamToolCallArrivesInIndexedFragments() {
    List<ChatCompletionChunk> chunks = stream("openai-stream-tool-call.jsonl");
    ToolCall first = chunks.get(0).getChoices().get(0).getDelta().getToolCalls().get(0);
    assertThat(first.getIndex()).isZero();
    assertThat(first.getId()).isEqualTo("call_4XzlGBLtUe9dy3GVNV4jhq7h");
    assertThat(first.getFunction().getName()).isEqualTo("get_weather");
    assertThat(first.getFunction().getArguments()).isEmpty();
    ToolCall next = chunks.get(1).getChoices().get(0).getDelta().getToolCalls().get(0);
    assertThat(next.getId()).isNull();
    assertThat(next.getFunction().getName()).isNull();
    assertThat(chunks.get(chunks.size() - 2).getChoices().get(0).getFinishReason())
        .isSameAs(FinishReason.TOOL_CALLS);
    assertThat(chunks.get(chunks.size() - 1).getUsage().getCompletionTokens()).isEqualTo(16);
  }

  @Test
  void openAiStreamKeepsServiceTierObfuscationAndUsageDetails() {
    List<ChatCompletionChunk> chunks = stream("openai-stream-service-tier-usage.jsonl");
    ChatCompletionChunk first = chunks.get(0);
    assertThat(first.getServiceTier()).isSameAs(ServiceTier.DEFAULT);
    assertThat(first.getUsage()).isNull();
    assertThat(first.getExtras()).containsEntry("obfuscation", "\"C63r\"");
    Usage u = chunks.get(chunks.size() - 1).getUsage();
    assertThat(u.getPromptTokensDetails().getCachedTokens()).isZero();
    assertThat(u.getPromptTokensDetails().getAudioTokens()).isZero();
    assertThat(u.getCompletionTokensDetails().getAudioTokens()).isZero();
    assertThat(u.getCompletionTokensDetails().getAcceptedPredictionTokens()).isZero();
    assertThat(u.getCompletionTokensDetails().getRejectedPredictionTokens()).isZero();
  }

  @Test
  void azureCompletionKeepsFilterResultsAndReadsNullToolCallsAsNone() {
    ChatCompletion c = completion("azure-completion-o1-preview.json");
    assertThat(c.getServiceTier()).isNull();
    assertThat(c.getExtras()).containsOnlyKeys("prompt_filter_results");
    Choice choice = c.getChoices().get(0);
    assertThat(choice.getExtras()).containsOnlyKeys("content_filter_results");
    assertThat(choice.getMessage().getToolCalls()).isEmpty();
    assertThat(choice.getMessage().getFunctionCall()).isNull();
    assertThat(c.getUsage().getCompletionTokensDetails().getReasoningTokens()).isEqualTo(448);
    assertThat(c.getUsage().getCompletionTokensDetails().getAudioTokens()).isNull();
  }

  @Test
  void azureAsyncFilterStreamHasEmptyIdsAnnotationChunksAndAContentFilterStop() {
    List<ChatCompletionChunk> chunks = stream("azure-stream-async-filter.jsonl");
    ChatCompletionChunk prompt = chunks.get(0);
    assertThat(prompt.getId()).isEmpty();
    assertThat(prompt.getObject()).isEmpty();
    assertThat(prompt.getCreated()).isZero();
    assertThat(prompt.getChoices()).isEmpty();
    assertThat(prompt.getExtras()).containsKey("prompt_filter_results");
    ChunkChoice blocked = chunks.get(6).getChoices().get(0);
    assertThat(blocked.getFinishReason()).isSameAs(FinishReason.CONTENT_FILTER);
    assertThat(blocked.getDelta().getContent()).isNull();
    assertThat(blocked.getExtras())
        .containsOnlyKeys("content_filter_results", "content_filter_offsets");
  }

  @Test
  void groqStreamKeepsXGroqReasoningAndChannel() {
    List<ChatCompletionChunk> chunks = stream("groq-stream-reasoning-error.jsonl");
    assertThat(chunks.get(0).getExtras()).containsOnlyKeys("x_groq");
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getReasoning()).isEqualTo("We");
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getExtras())
        .containsEntry("channel", "\"analysis\"");
    ChatCompletionChunk error = chunks.get(3);
    assertThat(error.getChoices()).isEmpty();
    assertThat(error.getId()).isNull();
    assertThat(error.getExtras()).containsOnlyKeys("error");
  }

  @Test
  void groqUsageCarriesTimingsAsExtras() {
    List<ChatCompletionChunk> chunks = stream("groq-stream-tool-call-usage.jsonl");
    ChatCompletionChunk last = chunks.get(chunks.size() - 1);
    assertThat(last.getChoices().get(0).getFinishReason()).isSameAs(FinishReason.TOOL_CALLS);
    assertThat(last.getUsage().getTotalTokens()).isEqualTo(353);
    assertThat(last.getUsage().getExtras()).containsEntry("queue_time", "0.00491786");
    assertThat(last.getUsage().getCompletionTokensDetails().getReasoningTokens()).isEqualTo(23);
  }

  @Test
  void deepSeekStreamSeparatesReasoningContentFromContent() {
    List<ChatCompletionChunk> chunks = stream("deepseek-stream-reasoning.jsonl");
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getReasoningContent()).isEqualTo("H");
    assertThat(chunks.get(3).getChoices().get(0).getDelta().getContent()).isEqualTo("Hello");
    assertThat(chunks.get(3).getChoices().get(0).getDelta().getReasoningContent()).isNull();
    Usage u = chunks.get(chunks.size() - 1).getUsage();
    assertThat(u.getExtras()).containsEntry("prompt_cache_miss_tokens", "6");
    assertThat(u.getCompletionTokensDetails().getReasoningTokens()).isEqualTo(198);
  }

  @Test
  void mistralThinkingPartsAreKeptRawAndTextStaysText() {
    List<ChatCompletionChunk> chunks = stream("mistral-stream.jsonl");
    assertThat(chunks.get(2).getChoices().get(0).getDelta().getContent()).isNull();
    assertThat(chunks.get(2).getChoices().get(0).getDelta().getExtras())
        .containsEntry("content", "[{\"type\":\"thinking\",\"thinking\":[{\"type\":\"text\",\"text\":\"Okay\"}]}]");
    assertThat(chunks.get(3).getChoices().get(0).getDelta().getContent()).isEqualTo(".");
    assertThat(chunks.get(4).getUsage().getCompletionTokens()).isEqualTo(232);
  }

  @Test
  void openRouterStreamKeepsProviderAndNativeFinishReason() {
    List<ChatCompletionChunk> chunks = stream("openrouter-stream-reasoning.jsonl");
    assertThat(chunks.get(0).getExtras()).containsEntry("provider", "\"OpenAI\"");
    assertThat(chunks.get(3).getChoices().get(0).getExtras())
        .containsEntry("native_finish_reason", "\"completed\"");
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getReasoning()).isNull();
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getExtras())
        .containsKey("reasoning_details");
    assertThat(chunks.get(4).getUsage().getExtras()).containsKeys("cost", "is_byok", "cost_details");
  }

  @Test
  void openRouterErrorChunkKeepsTheErrorAlongsideChoices() {
    List<ChatCompletionChunk> chunks = stream("openrouter-stream-error.jsonl");
    assertThat(chunks.get(0).getChoices().get(0).getDelta().getReasoning()).isEqualTo("We need");
    assertThat(chunks.get(1).getChoices().get(0).getFinishReason()).isSameAs(FinishReason.LENGTH);
    assertThat(chunks.get(3).getExtras())
        .containsEntry("error", "{\"code\":400,\"message\":\"Token limit reached\"}");
  }

  @Test
  void ollamaStreamSendsRoleOnEveryChunkWithoutLogprobs() {
    List<ChatCompletionChunk> chunks = stream("ollama-stream.jsonl");
    assertThat(chunks).allSatisfy(c -> {
      assertThat(c.getSystemFingerprint()).isEqualTo("fp_ollama");
      assertThat(c.getChoices().get(0).getDelta().getRole()).isSameAs(Role.ASSISTANT);
      assertThat(c.getChoices().get(0).getLogprobs()).isNull();
    });
    assertThat(chunks.get(0).getChoices().get(0).getDelta().getContent()).isEqualTo("My");
    assertThat(chunks.get(6).getChoices().get(0).getFinishReason()).isSameAs(FinishReason.STOP);
  }

  @Test
  void ollamaToolCallChunkHasWholeCallWithIdAndIndex() {
    ToolCall call = stream("ollama-chunk-tool-call.json").get(0).getChoices().get(0).getDelta()
        .getToolCalls().get(0);
    assertThat(call.getId()).isEqualTo("call_hk81qg8b");
    assertThat(call.getIndex()).isZero();
    assertThat(call.getFunction().getArguments()).isEqualTo("{\"command\":\"ls -la\"}");
  }

  @Test
  void llamaCppStreamKeepsTimingsOnTheLastChunk() {
    List<ChatCompletionChunk> chunks = stream("llamacpp-stream-reasoning-timings.jsonl");
    assertThat(chunks.get(0).getChoices().get(0).getDelta().getContent()).isNull();
    assertThat(chunks.get(1).getChoices().get(0).getDelta().getReasoningContent()).isEqualTo("We");
    ChatCompletionChunk last = chunks.get(2);
    assertThat(last.getUsage().getPromptTokens()).isEqualTo(1085);
    assertThat(last.getExtras()).containsOnlyKeys("timings");
  }

  @Test
  void llamaCppCompletionKeepsTimings() {
    ChatCompletion c = completion("llamacpp-completion-timings.json");
    assertThat(c.getSystemFingerprint()).isEqualTo("b7634-f1768d8f0");
    assertThat(c.getExtras().get("timings")).startsWith("{\n    \"cache_n\": 0,");
    assertThat(c.getChoices().get(0).getMessage().getContent())
        .isEqualTo("Hi! 😊  How can I help you today? \n");
  }

  @Test
  void vllmCompletionReadsNullStopReasonAndKeepsPromptLogprobs() {
    ChatCompletion c = completion("vllm-completion-ray-serve.json");
    Choice choice = c.getChoices().get(0);
    assertThat(choice.getStopReason()).isNull();
    assertThat(choice.getMessage().getReasoningContent()).isNull();
    assertThat(choice.getMessage().getContent()).isEqualTo("Hello! How can I assist you today? 😊");
    assertThat(c.getUsage().getPromptTokensDetails()).isNull();
    assertThat(c.getExtras()).containsEntry("prompt_logprobs", "null");
  }

  @Test
  void groqErrorEventIsRecognizedWithItsCodeAndExtras() {
    List<ChatCompletionChunk> chunks = stream("groq-stream-reasoning-error.jsonl");
    assertThat(errorIn(chunks.get(0))).isNull();
    ApiError e = errorIn(chunks.get(3));
    assertThat(e.getCode()).isEqualTo("tool_use_failed");
    assertThat(e.getType()).isEqualTo("invalid_request_error");
    assertThat(e.getMessage()).startsWith("Tool call validation failed");
    assertThat(e.getExtras()).containsKeys("failed_generation", "status_code");
  }

  @Test
  void openRouterMidStreamErrorIsRecognized() {
    List<ChatCompletionChunk> chunks = stream("openrouter-stream-error.jsonl");
    ApiError e = errorIn(chunks.get(3));
    assertThat(e.getCode()).isEqualTo("400");
    assertThat(e.getMessage()).isEqualTo("Token limit reached");
  }

  private static @Nullable ApiError errorIn(ChatCompletionChunk chunk) {
    byte[] event = ChatJson.write(chunk).getBytes(StandardCharsets.UTF_8);
    return ErrorReader.fromChunk(chunk, event, 0, event.length, UnaryOperator.identity());
  }
}
