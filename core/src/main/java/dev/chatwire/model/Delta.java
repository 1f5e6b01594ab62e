package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The part of the assistant's message that one stream chunk carries: usually a fragment of
 * {@code content}; the role on the first chunk; fragments of tool calls keyed by their index;
 * fragments of reasoning. The accumulator joins the deltas into a {@link ChatCompletionMessage}.
 * Every member may be absent. Immutable and thread-safe.
 *
 * <pre>{@code
 * String piece = chunk.getChoices().get(0).getDelta().getContent(); // may be null
 * }</pre>
 */
public final class Delta {
  // The text members and the role are fields; the members few deltas have are held in one more
  // object, made only for a delta that has one of them, so a stream's text deltas stay small.
  private final @Nullable Role role;
  private final @Nullable String content;
  private final @Nullable String reasoningContent;
  private final @Nullable String reasoning;
  private final @Nullable Rare rare;

  private Delta(Builder b) {
    this(b.role, b.content, b.refusal, Maps.copyOrEmpty(b.toolCalls), b.functionCall, b.audio,
        b.reasoningContent, b.reasoning, Maps.copyOrEmpty(b.extras));
  }

  /** Takes {@code toolCalls} and {@code extras} as they are: they must be unmodifiable. */
  Delta(@Nullable Role role, @Nullable String content, @Nullable String refusal,
      List<ToolCall> toolCalls, @Nullable FunctionCall functionCall, @Nullable Audio audio,
      @Nullable String reasoningContent, @Nullable String reasoning, Map<String, String> extras) {
    this.role = role;
    this.content = content;
    this.reasoningContent = reasoningContent;
    this.reasoning = reasoning;
    this.rare = refusal == null && toolCalls.isEmpty() && functionCall == null && audio == null
        && extras.isEmpty() ? null : new Rare(refusal, toolCalls, functionCall, audio, extras);
  }

  /** The members few deltas have. */
  private static final class Rare {
    final @Nullable String refusal;
    final List<ToolCall> toolCalls;
    final @Nullable FunctionCall functionCall;
    final @Nullable Audio audio;
    final Map<String, String> extras;

    Rare(@Nullable String refusal, List<ToolCall> toolCalls, @Nullable FunctionCall functionCall,
        @Nullable Audio audio, Map<String, String> extras) {
      this.refusal = refusal;
      this.toolCalls = toolCalls;
      this.functionCall = functionCall;
      this.audio = audio;
      this.extras = extras;
    }
  }

  /** Starts building a delta. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this delta's values. */
  public Builder toBuilder() {
    return new Builder().role(role).content(content).refusal(getRefusal())
        .toolCalls(getToolCalls()).functionCall(getFunctionCall()).audio(getAudio())
        .reasoningContent(reasoningContent).reasoning(reasoning).extras(getExtras());
  }

  /** The author, sent on the first chunk of a choice; null on the others. */
  public @Nullable Role getRole() {
    return role;
  }

  /**
   * The next piece of the answer text, or null when this chunk carries none; content sent as an
   * array of parts (Mistral's thinking) is kept raw in {@link #getExtras()} under {@code content}.
   */
  public @Nullable String getContent() {
    return content;
  }

  /** The next piece of a refusal, or null when this chunk carries none. */
  public @Nullable String getRefusal() {
    Rare r = rare;
    return r == null ? null : r.refusal;
  }

  /** Fragments of tool calls, each with its {@code index}; empty when none. */
  public List<ToolCall> getToolCalls() {
    Rare r = rare;
    return r == null ? Collections.emptyList() : r.toolCalls;
  }

  /** A fragment of the deprecated single function call, or null when absent. */
  public @Nullable FunctionCall getFunctionCall() {
    Rare r = rare;
    return r == null ? null : r.functionCall;
  }

  /** A fragment of the audio answer, or null when absent. */
  public @Nullable Audio getAudio() {
    Rare r = rare;
    return r == null ? null : r.audio;
  }

  /** A piece of reasoning as DeepSeek, vLLM and llama.cpp send it ({@code reasoning_content}). */
  public @Nullable String getReasoningContent() {
    return reasoningContent;
  }

  /** A piece of reasoning as OpenRouter, Groq and Ollama send it ({@code reasoning}). */
  public @Nullable String getReasoning() {
    return reasoning;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    Rare r = rare;
    return r == null ? Collections.emptyMap() : r.extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Delta)) return false;
    Delta that = (Delta) o;
    return Objects.equals(role, that.role)
        && Objects.equals(content, that.content)
        && Objects.equals(getRefusal(), that.getRefusal())
        && getToolCalls().equals(that.getToolCalls())
        && Objects.equals(getFunctionCall(), that.getFunctionCall())
        && Objects.equals(getAudio(), that.getAudio())
        && Objects.equals(reasoningContent, that.reasoningContent)
        && Objects.equals(reasoning, that.reasoning)
        && getExtras().equals(that.getExtras());
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, content, getRefusal(), getToolCalls(), getFunctionCall(),
        getAudio(), reasoningContent, reasoning, getExtras());
  }

  @Override
  public String toString() {
    Rare r = rare;
    return "Delta{role=" + role + ", content=" + content
        + (r == null || r.refusal == null ? "" : ", refusal=" + r.refusal)
        + (r == null || r.toolCalls.isEmpty() ? "" : ", toolCalls=" + r.toolCalls)
        + (r == null || r.functionCall == null ? "" : ", functionCall=" + r.functionCall)
        + (r == null || r.audio == null ? "" : ", audio=" + r.audio)
        + (reasoningContent == null ? "" : ", reasoningContent=" + reasoningContent)
        + (reasoning == null ? "" : ", reasoning=" + reasoning)
        + (r == null || r.extras.isEmpty() ? "" : ", extras=" + r.extras) + '}';
  }

  /** Builds a {@link Delta}; not thread-safe. */
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

    /** The immutable delta. */
    public Delta build() {
      return new Delta(this);
    }
  }
}
