package dev.chatwire.internal.call;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The one chunk that stands for a whole completion, for a server that answered a streaming
 * request with a plain {@code chat.completion}: every message field becomes a delta field, tool
 * calls get their index back.
 */
final class WholeChunk {
  private WholeChunk() {}

  static ChatCompletionChunk of(ChatCompletion c) {
    ChatCompletionChunk.Builder b =
        ChatCompletionChunk.builder()
            .id(c.getId())
            .object("chat.completion.chunk")
            .created(c.getCreated())
            .model(c.getModel())
            .usage(c.getUsage())
            .serviceTier(c.getServiceTier())
            .systemFingerprint(c.getSystemFingerprint())
            .extras(c.getExtras());
    for (Choice choice : c.getChoices()) {
      b.addChoice(
          ChunkChoice.builder()
              .index(choice.getIndex())
              .delta(delta(choice.getMessage()))
              .finishReason(choice.getFinishReason())
              .logprobs(choice.getLogprobs())
              .stopReason(choice.getStopReason())
              .extras(choice.getExtras())
              .build());
    }
    return b.build();
  }

  private static Delta delta(ChatCompletionMessage m) {
    List<ToolCall> calls = new ArrayList<>(m.getToolCalls().size());
    for (int i = 0; i < m.getToolCalls().size(); i++) {
      calls.add(m.getToolCalls().get(i).toBuilder().index(i).build());
    }
    return Delta.builder()
        .role(m.getRole())
        .content(m.getContent())
        .refusal(m.getRefusal())
        .toolCalls(calls)
        .functionCall(m.getFunctionCall())
        .audio(m.getAudio())
        .reasoningContent(m.getReasoningContent())
        .reasoning(m.getReasoning())
        .extras(m.getExtras())
        .build();
  }
}
