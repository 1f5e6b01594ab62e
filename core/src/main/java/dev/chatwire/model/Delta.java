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
  // A delta of one text member (nearly every delta of a stream) holds it in one field, with its
  // kind; any other delta holds all its members in one more object, so a stream's text deltas
  // stay at three fields (24 bytes).
  private static final byte CONTENT = 0;
  private static final byte REASONING_CONTENT = 1;
  private static final byte REASONING = 2;

  private final @Nullable String text; // null when rare is set
  private final byte kind;
  private final @Nullable Rare rare;

  private Delta(Builder b) {
    this(b.role, b.content, b.refusal, Maps.copyOrEmpty(b.toolCalls), b.functionCall, b.audio,
        b.reasoningContent, b.reasoning, Maps.copyOrEmpty(b.extras));
  }

  /** Takes {@code toolCalls} and {@code extras} as they are: they must be unmodifiable. */
  Delta(@Nullable Role role, @Nullable String content, @Nullable String refusal,
      List<ToolCall> toolCalls, @Nullable FunctionCall functionCall, @Nullable Audio audio,
      @Nullable String reasoningContent, @Nullable String reasoning, Map<String, String> extras) {
    int texts = (content != null ? 1 : 0) + (reasoningContent != null ? 1 : 0)
        + (reasoning != null ? 1 : 0);
    if (texts <= 1 && role == null && refusal == null && toolCalls.isEmpty()
        && functionCall == null && audio == null && extras.isEmpty()) {
      this.rare = null;
      if (reasoningContent != null) {
        this.text = reasoningContent;
        this.kind = REASONING_CONTENT;
      } else if (reasoning != null) {
        this.text = reasoning;
        this.kind = REASONING;
      } else {
        this.text = content;
        this.kind = CONTENT;
      }
    } else {
      this.text = null;
      this.kind = CONTENT;
      this.rare = new Rare(role, content, refusal, toolCalls, functionCall, audio,
          reasoningContent, reasoning, extras);
    }
  }

  /** All the members of a delta that has more than one text member or any other member. */
  private static final class Rare {
    final @Nullable Role role;
    final @Nullable String content;
    final @Nullable String refusal;
    final List<ToolCall> toolCalls;
    final @Nullable FunctionCall functionCall;
    final @Nullable Audio audio;
    final @Nullable String reasoningContent;
    final @Nullable String reasoning;
    final Map<String, String> extras;

    Rare(@Nullable Role role, @Nullable String content, @Nullable String refusal,
        List<ToolCall> toolCalls, @Nullable FunctionCall functionCall, @Nullable Audio audio,
        @Nullable String reasoningContent, @Nullable String reasoning,
        Map<String, String> extras) {
      this.role = role;
      this.content = content;
      this.refusal = refusal;
      this.toolCalls = toolCalls;
      this.functionCall = functionCall;
      this.audio = audio;
      this.reasoningContent = reasoningContent;
      this.reasoning = reasoning;
      this.extras = extras;
    }
  }

  /** Starts building a delta. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this delta's values. */
  public Builder toBuilder() {
    return new Builder().role(getRole()).content(getContent()).refusal(getRefusal())
        .toolCalls(getToolCalls()).functionCall(getFunctionCall()).audio(getAudio())
        .reasoningContent(getReasoningContent()).reasoning(getReasoning()).extras(getExtras());
  }

  /** The author, sent on the first chunk of a choice; null on the others. */
  public @Nullable Role getRole() {
    Rare r = rare;
    return r == null ? null : r.role;
  }

  /**
   * The next piece of the answer text, or null when this chunk carries none; content sent as an
   * array of parts (Mistral's thinking) is kept raw in {@link #getExtras()} under {@code content}.
   */
  public @Nullable String getContent() {
    Rare r = rare;
    return r != null ? r.content : kind == CONTENT ? text : null;
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
    Rare r = rare;
    return r != null ? r.reasoningContent : kind == REASONING_CONTENT ? text : null;
  }

  /** A piece of reasoning as OpenRouter, Groq and Ollama send it ({@code reasoning}). */
  public @Nullable String getReasoning() {
    Rare r = rare;
    return r != null ? r.reasoning : kind == REASONING ? text : null;
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
    return Objects.equals(getRole(), that.getRole())
        && Objects.equals(getContent(), that.getContent())
        && Objects.equals(getRefusal(), that.getRefusal())
        && getToolCalls().equals(that.getToolCalls())
        && Objects.equals(getFunctionCall(), that.getFunctionCall())
        && Objects.equals(getAudio(), that.getAudio())
        && Objects.equals(getReasoningContent(), that.getReasoningContent())
        && Objects.equals(getReasoning(), that.getReasoning())
        && getExtras().equals(that.getExtras());
  }

  @Override
  public int hashCode() {
    return Objects.hash(getRole(), getContent(), getRefusal(), getToolCalls(), getFunctionCall(),
        getAudio(), getReasoningContent(), getReasoning(), getExtras());
  }

  @Override
  public String toString() {
    Rare r = rare;
    String reasoningContent = getReasoningContent();
    String reasoning = getReasoning();
    return "Delta{role=" + getRole() + ", content=" + getContent()
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
