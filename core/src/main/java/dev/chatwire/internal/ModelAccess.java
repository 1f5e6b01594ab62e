package dev.chatwire.internal;

import dev.chatwire.model.Audio;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.Logprobs;
import dev.chatwire.model.Role;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.StopReason;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.Usage;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reaches model state that is not public API: the original text of {@code created}, kept so a
 * float such as {@code 1.7e9} is written back as it came, and absence as absence; and the
 * constructors the stream's chunk reader uses to make chunks without a builder per object.
 *
 * <p>The text is null when {@code created} is a plain integer, empty when the member was absent,
 * and otherwise the JSON number as it appeared. The constructors take lists and maps as they
 * are: the caller passes unmodifiable ones that nothing else changes. The model package installs
 * the one implementation when its classes initialize.
 */
public abstract class ModelAccess {
  private static volatile @Nullable ModelAccess instance;

  /** Installs the implementation; called by the model package only. */
  public static void install(ModelAccess access) {
    instance = access;
  }

  /** The implementation. */
  public static ModelAccess get() {
    ModelAccess access = instance;
    if (access == null) {
      ChatCompletion.builder(); // initializes the model classes, which install it
      access = instance;
      if (access == null) throw new IllegalStateException("model access not installed");
    }
    return access;
  }

  /** The original {@code created} text of a completion. */
  public abstract @Nullable String createdText(ChatCompletion completion);

  /** Sets the original {@code created} text on a completion builder. */
  public abstract void createdText(ChatCompletion.Builder builder, @Nullable String text);

  /** The original {@code created} text of a chunk. */
  public abstract @Nullable String createdText(ChatCompletionChunk chunk);

  /** Sets the original {@code created} text on a chunk builder. */
  public abstract void createdText(ChatCompletionChunk.Builder builder, @Nullable String text);

  /** A chunk of these values. */
  public abstract ChatCompletionChunk chunk(ChunkHead head, List<ChunkChoice> choices,
      @Nullable Usage usage, Map<String, String> extras);

  /**
   * A chunk of these values whose one unknown member is OpenAI's padding ({@link
   * OneRawExtra#PADDING}) with the raw JSON value {@code padding}, which it takes as it is.
   */
  public abstract ChatCompletionChunk paddedChunk(ChunkHead head, List<ChunkChoice> choices,
      @Nullable Usage usage, byte[] padding);

  /**
   * Whether the chunk's unknown members are OpenAI's padding alone, which the chunk then holds
   * without a map (so that asking costs nothing).
   */
  public abstract boolean paddingOnly(ChatCompletionChunk chunk);

  /** A chunk choice of these values; a null {@code delta} is the delta with no members. */
  public abstract ChunkChoice chunkChoice(int index, @Nullable Delta delta,
      @Nullable FinishReason finishReason, @Nullable Logprobs logprobs,
      @Nullable StopReason stopReason, Map<String, String> extras);

  /** A delta of these values. */
  public abstract Delta delta(@Nullable Role role, @Nullable String content,
      @Nullable String refusal, List<ToolCall> toolCalls, @Nullable FunctionCall functionCall,
      @Nullable Audio audio, @Nullable String reasoningContent, @Nullable String reasoning,
      Map<String, String> extras);
}
