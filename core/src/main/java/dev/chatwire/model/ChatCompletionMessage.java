package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The message of a completion choice: the assistant's answer, with its text, refusal, tool
 * calls, audio and reasoning. Provider members such as OpenAI's {@code annotations} are kept in
 * {@link #getExtras()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * String text = completion.getChoices().get(0).getMessage().getContent();
 * }</pre>
 */
public final class ChatCompletionMessage {
  private final @Nullable Role role;
  private final @Nullable String content;
  private final @Nullable String refusal;
  private final List<ToolCall> toolCalls;
  private final @Nullable FunctionCall functionCall;
  private final @Nullable Audio audio;
  private final @Nullable String reasoningContent;
  private final @Nullable String reasoning;
  private final Map<String, String> extras;

  private ChatCompletionMessage(Builder b) {
    this.role = b.role;
    this.content = b.content;
    this.refusal = b.refusal;
    this.toolCalls = Maps.copyOrEmpty(b.toolCalls);
    this.functionCall = b.functionCall;
    this.audio = b.audio;
    this.reasoningContent = b.reasoningContent;
    this.reasoning = b.reasoning;
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building a message. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this message's values. */
  public Builder toBuilder() {
    return new Builder().role(role).content(content).refusal(refusal).toolCalls(toolCalls)
        .functionCall(functionCall).audio(audio).reasoningContent(reasoningContent)
        .reasoning(reasoning).extras(extras);
  }

  /** The author, normally {@link Role#ASSISTANT}; null when absent. */
  public @Nullable Role getRole() {
    return role;
  }

  /**
   * The text of the answer, or null when there is none (a refusal or only tool calls); content
   * sent as an array of parts is kept raw in {@link #getExtras()} under {@code content}.
   */
  public @Nullable String getContent() {
    return content;
  }

  /** The refusal message when the model refused, else null. */
  public @Nullable String getRefusal() {
    return refusal;
  }

  /** The tool calls the model made; empty when none. */
  public List<ToolCall> getToolCalls() {
    return toolCalls;
  }

  /** The deprecated single function call, or null when absent. */
  public @Nullable FunctionCall getFunctionCall() {
    return functionCall;
  }

  /** The audio answer when audio output was requested, else null. */
  public @Nullable Audio getAudio() {
    return audio;
  }

  /** The reasoning text as DeepSeek, vLLM and llama.cpp send it ({@code reasoning_content}). */
  public @Nullable String getReasoningContent() {
    return reasoningContent;
  }

  /** The reasoning text as OpenRouter, Groq and Ollama send it ({@code reasoning}). */
  public @Nullable String getReasoning() {
    return reasoning;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChatCompletionMessage)) return false;
    ChatCompletionMessage that = (ChatCompletionMessage) o;
    return Objects.equals(role, that.role)
        && Objects.equals(content, that.content)
        && Objects.equals(refusal, that.refusal)
        && toolCalls.equals(that.toolCalls)
        && Objects.equals(functionCall, that.functionCall)
        && Objects.equals(audio, that.audio)
        && Objects.equals(reasoningContent, that.reasoningContent)
        && Objects.equals(reasoning, that.reasoning)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, content, refusal, toolCalls, functionCall, audio, reasoningContent,
        reasoning, extras);
  }

  @Override
  public String toString() {
    return "ChatCompletionMessage{role=" + role + ", content=" + content
        + (refusal == null ? "" : ", refusal=" + refusal)
        + (toolCalls.isEmpty() ? "" : ", toolCalls=" + toolCalls)
        + (functionCall == null ? "" : ", functionCall=" + functionCall)
        + (audio == null ? "" : ", audio=" + audio)
        + (reasoningContent == null ? "" : ", reasoningContent=" + reasoningContent)
        + (reasoning == null ? "" : ", reasoning=" + reasoning)
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link ChatCompletionMessage}; not thread-safe. */
  public static final class Builder {
    private @Nullable Role role;
    private @Nullable String content;
    private @Nullable String refusal;
    private @Nullable List<ToolCall> toolCalls;
    private @Nullable FunctionCall functionCall;
    private @Nullable Audio audio;
    private @Nullable String reasoningContent;
    private @Nullable String reasoning;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the role. */
    public Builder role(@Nullable Role role) {
      this.role = role;
      return this;
    }

    /** Sets the text. */
    public Builder content(@Nullable String content) {
      this.content = content;
      return this;
    }

    /** Sets the refusal. */
    public Builder refusal(@Nullable String refusal) {
      this.refusal = refusal;
      return this;
    }

    /** Replaces the tool calls. */
    public Builder toolCalls(List<ToolCall> toolCalls) {
      this.toolCalls = toolCalls.isEmpty() ? null : new ArrayList<>(toolCalls);
      return this;
    }

    /** Adds a tool call. */
    public Builder addToolCall(ToolCall toolCall) {
      if (toolCalls == null) toolCalls = new ArrayList<>();
      toolCalls.add(toolCall);
      return this;
    }

    /** Sets the deprecated function call. */
    public Builder functionCall(@Nullable FunctionCall functionCall) {
      this.functionCall = functionCall;
      return this;
    }

    /** Sets the audio. */
    public Builder audio(@Nullable Audio audio) {
      this.audio = audio;
      return this;
    }

    /** Sets the {@code reasoning_content} text. */
    public Builder reasoningContent(@Nullable String reasoningContent) {
      this.reasoningContent = reasoningContent;
      return this;
    }

    /** Sets the {@code reasoning} text. */
    public Builder reasoning(@Nullable String reasoning) {
      this.reasoning = reasoning;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      if (extras == null) extras = new LinkedHashMap<>(4);
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras = extras.isEmpty() ? null : new LinkedHashMap<>(extras);
      return this;
    }

    /** The immutable message. */
    public ChatCompletionMessage build() {
      return new ChatCompletionMessage(this);
    }
  }
}
