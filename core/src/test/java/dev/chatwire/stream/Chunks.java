package dev.chatwire.stream;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Builds the chunks the accumulator tests feed, with the model builders. */
final class Chunks {
  private Chunks() {}

  /** A chunk with the usual id, created and model, and the given choices. */
  static ChatCompletionChunk chunk(ChunkChoice... choices) {
    return base().choices(Arrays.asList(choices)).build();
  }

  /** A chunk builder with the usual id, object, created and model. */
  static ChatCompletionChunk.Builder base() {
    return ChatCompletionChunk.builder()
        .id("chatcmpl-1")
        .object("chat.completion.chunk")
        .created(1_700_000_000L)
        .model("gpt-test");
  }

  /** A choice part adding {@code text} to the content. */
  static ChunkChoice content(int index, String text) {
    return choice(index, Delta.builder().content(text).build());
  }

  /** A choice part with a delta. */
  static ChunkChoice choice(int index, Delta delta) {
    return ChunkChoice.builder().index(index).delta(delta).build();
  }

  /** A choice part that finishes the choice with an empty delta. */
  static ChunkChoice finish(int index, FinishReason reason) {
    return ChunkChoice.builder().index(index).finishReason(reason).build();
  }

  /** A choice part carrying tool call fragments. */
  static ChunkChoice toolCalls(int index, ToolCall... fragments) {
    return choice(index, Delta.builder().toolCalls(Arrays.asList(fragments)).build());
  }

  /** A tool call fragment; null members are absent. */
  static ToolCall fragment(
      @Nullable Integer index, @Nullable String id, @Nullable String name, @Nullable String args) {
    ToolCall.Builder b = ToolCall.builder().index(index).id(id);
    if (id != null) b.type("function");
    if (name != null || args != null) {
      b.function(FunctionCall.builder().name(name).arguments(args).build());
    }
    return b.build();
  }

  /** The completion the given chunks accumulate to. */
  static ChatCompletion accumulate(ChatCompletionChunk... chunks) {
    ChunkAccumulator acc = new ChunkAccumulator();
    for (ChatCompletionChunk c : chunks) acc.add(c);
    return acc.snapshot();
  }
}
