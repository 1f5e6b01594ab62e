package dev.chatwire.internal.stream;

import dev.chatwire.model.Audio;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.Role;
import org.jspecify.annotations.Nullable;

/**
 * The message of one choice assembled from its deltas: the first role (assistant when none
 * came), text members concatenated (null when no piece came), tool calls and the deprecated
 * function call merged from fragments, unknown delta members merged as fragments.
 */
final class MessagePart {
  private @Nullable Role role;
  private @Nullable PieceText content;
  private @Nullable PieceText refusal;
  private @Nullable PieceText reasoningContent;
  private @Nullable PieceText reasoning;
  private @Nullable ToolCallParts toolCalls; // made with the first tool call
  private @Nullable FunctionPart functionCall;
  private @Nullable AudioPart audio;
  private final MergedExtras extras = MergedExtras.fragments();

  void add(Delta delta) {
    if (role == null) role = delta.getRole();
    content = Texts.append(content, delta.getContent());
    refusal = Texts.append(refusal, delta.getRefusal());
    reasoningContent = Texts.append(reasoningContent, delta.getReasoningContent());
    reasoning = Texts.append(reasoning, delta.getReasoning());
    if (!delta.getToolCalls().isEmpty()) {
      if (toolCalls == null) toolCalls = new ToolCallParts();
      toolCalls.add(delta.getToolCalls());
    }
    FunctionCall f = delta.getFunctionCall();
    if (f != null) {
      if (functionCall == null) functionCall = new FunctionPart();
      functionCall.add(f);
    }
    Audio a = delta.getAudio();
    if (a != null) {
      if (audio == null) audio = new AudioPart();
      audio.add(a);
    }
    extras.addAll(delta.getExtras());
  }

  ChatCompletionMessage build() {
    ChatCompletionMessage.Builder b = ChatCompletionMessage.builder()
        .role(role == null ? Role.ASSISTANT : role)
        .content(Texts.text(content))
        .refusal(Texts.text(refusal))
        .reasoningContent(Texts.text(reasoningContent))
        .reasoning(Texts.text(reasoning))
        .extras(extras.toMap());
    if (toolCalls != null && !toolCalls.isEmpty()) b.toolCalls(toolCalls.build());
    if (functionCall != null) b.functionCall(functionCall.build());
    if (audio != null) b.audio(audio.build());
    return b.build();
  }
}
