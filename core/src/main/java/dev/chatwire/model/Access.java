package dev.chatwire.model;

import dev.chatwire.internal.ChunkHead;
import dev.chatwire.internal.ModelAccess;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The model package's side of {@link ModelAccess}. */
final class Access extends ModelAccess {
  static final Access INSTANCE = new Access();

  static {
    ModelAccess.install(INSTANCE);
  }

  private Access() {}

  /** Does nothing but make sure this class, and so the installation, is initialized. */
  static void ensureInstalled() {}

  @Override
  public @Nullable String createdText(ChatCompletion completion) {
    return completion.createdText;
  }

  @Override
  public void createdText(ChatCompletion.Builder builder, @Nullable String text) {
    builder.createdText = text;
  }

  @Override
  public @Nullable String createdText(ChatCompletionChunk chunk) {
    return chunk.createdText();
  }

  @Override
  public void createdText(ChatCompletionChunk.Builder builder, @Nullable String text) {
    builder.createdText = text;
  }

  @Override
  public ChatCompletionChunk chunk(ChunkHead head, List<ChunkChoice> choices,
      @Nullable Usage usage, Map<String, String> extras) {
    return new ChatCompletionChunk(head, choices, usage, extras);
  }

  @Override
  public ChatCompletionChunk paddedChunk(ChunkHead head, List<ChunkChoice> choices,
      @Nullable Usage usage, byte[] padding) {
    return new ChatCompletionChunk(head, choices, usage, padding);
  }

  @Override
  public boolean paddingOnly(ChatCompletionChunk chunk) {
    return chunk.paddingOnly();
  }

  @Override
  public ChunkChoice chunkChoice(int index, @Nullable Delta delta,
      @Nullable FinishReason finishReason, @Nullable Logprobs logprobs,
      @Nullable StopReason stopReason, Map<String, String> extras) {
    return new ChunkChoice(index, delta == null ? ChunkChoice.EMPTY : delta, finishReason,
        logprobs, stopReason, extras);
  }

  @Override
  public Delta delta(@Nullable Role role, @Nullable String content, @Nullable String refusal,
      List<ToolCall> toolCalls, @Nullable FunctionCall functionCall, @Nullable Audio audio,
      @Nullable String reasoningContent, @Nullable String reasoning, Map<String, String> extras) {
    return new Delta(role, content, refusal, toolCalls, functionCall, audio, reasoningContent,
        reasoning, extras);
  }
}
