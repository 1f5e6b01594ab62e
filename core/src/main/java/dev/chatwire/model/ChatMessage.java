package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import dev.chatwire.internal.json.RequestRaw;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation sent in a request: a {@link Role} and its content, which is
 * either text ({@link #getContent()}) or a list of parts ({@link #getContentParts()}: text,
 * images, audio, files), plus what the role needs: the assistant's tool calls, a tool result's
 * {@code tool_call_id}, an optional author {@code name}. Members this version does not know are
 * kept in {@link #getExtras()}. Immutable and thread-safe; {@code toString()} abbreviates long
 * text and base64 data.
 *
 * <pre>{@code
 * ChatMessage.system("You are terse.");
 * ChatMessage.user("Hello!");
 * ChatMessage.assistant(null, Arrays.asList(ToolCall.function("call_1", "get_weather", "{}")));
 * ChatMessage.tool("call_1", "{\"temp\":21}");
 * }</pre>
 *
 * <p>The deprecated {@code function} role is built with
 * {@code builder().role(Role.FUNCTION).name(..).content(..)}.
 */
public final class ChatMessage {
  private final Role role;
  private final @Nullable String content;
  private final @Nullable List<ContentPart> contentParts;
  private final @Nullable String name;
  private final @Nullable String refusal;
  private final List<ToolCall> toolCalls;
  private final @Nullable FunctionCall functionCall;
  private final @Nullable String toolCallId;
  private final @Nullable AudioReference audio;
  private final @Nullable String reasoningContent;
  private final Map<String, String> extras;

  private ChatMessage(Builder b) {
    this.role = Objects.requireNonNull(b.role, "role");
    this.content = b.content;
    this.contentParts = Maps.copyOrNull(b.contentParts);
    this.name = b.name;
    this.refusal = b.refusal;
    this.toolCalls = Maps.copy(b.toolCalls);
    this.functionCall = b.functionCall;
    this.toolCallId = b.toolCallId;
    this.audio = b.audio;
    this.reasoningContent = b.reasoningContent;
    this.extras = Maps.copy(b.extras);
  }

  /** A {@code system} message. */
  public static ChatMessage system(String content) {
    return builder().role(Role.SYSTEM).content(content).build();
  }

  /** A {@code developer} message (the newer name for system instructions). */
  public static ChatMessage developer(String content) {
    return builder().role(Role.DEVELOPER).content(content).build();
  }

  /** A {@code user} message with text. */
  public static ChatMessage user(String content) {
    return builder().role(Role.USER).content(content).build();
  }

  /** A {@code user} message with content parts. */
  public static ChatMessage user(List<ContentPart> parts) {
    return builder().role(Role.USER).contentParts(parts).build();
  }

  /** A {@code user} message with content parts. */
  public static ChatMessage user(ContentPart... parts) {
    return user(Arrays.asList(parts));
  }

  /** An {@code assistant} message with text, such as an earlier answer. */
  public static ChatMessage assistant(String content) {
    return builder().role(Role.ASSISTANT).content(content).build();
  }

  /** An {@code assistant} message that called tools; the content is usually null. */
  public static ChatMessage assistant(@Nullable String content, List<ToolCall> toolCalls) {
    return builder().role(Role.ASSISTANT).content(content).toolCalls(toolCalls).build();
  }

  /** A {@code tool} message: the result of the tool call with id {@code toolCallId}. */
  public static ChatMessage tool(String toolCallId, String content) {
    return builder().role(Role.TOOL).toolCallId(toolCallId).content(content).build();
  }

  /**
   * The assistant message to send back in the next request for a response's {@code message}:
   * content, refusal, tool calls (without their stream {@code index}), the deprecated function
   * call, the audio's id, {@code reasoning_content}, and unknown members are kept; OpenRouter's
   * {@code reasoning} is kept as an extra under its own name.
   */
  public static ChatMessage fromResponse(ChatCompletionMessage message) {
    Builder b = builder().role(message.getRole() != null ? message.getRole() : Role.ASSISTANT)
        .content(message.getContent()).refusal(message.getRefusal())
        .functionCall(message.getFunctionCall()).reasoningContent(message.getReasoningContent())
        .extras(message.getExtras());
    for (ToolCall call : message.getToolCalls()) b.addToolCall(call.toBuilder().index(null).build());
    Audio audio = message.getAudio();
    if (audio != null && audio.getId() != null) b.audio(AudioReference.of(audio.getId()));
    String reasoning = message.getReasoning();
    if (reasoning != null) b.putExtra("reasoning", RequestRaw.quote(reasoning));
    return b.build();
  }

  /** Starts building a message. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder().role(role).name(name).refusal(refusal).toolCalls(toolCalls)
        .functionCall(functionCall).toolCallId(toolCallId).audio(audio)
        .reasoningContent(reasoningContent).extras(extras);
    return contentParts != null ? b.contentParts(contentParts) : b.content(content);
  }

  /** Who wrote the message. */
  public Role getRole() {
    return role;
  }

  /** The text content, or null when the content is a list of parts or absent. */
  public @Nullable String getContent() {
    return content;
  }

  /** The content parts, or null when the content is text or absent. */
  public @Nullable List<ContentPart> getContentParts() {
    return contentParts;
  }

  /** The author's name, or null when absent. */
  public @Nullable String getName() {
    return name;
  }

  /** An assistant's refusal, or null when absent. */
  public @Nullable String getRefusal() {
    return refusal;
  }

  /** The tool calls of an assistant message; empty when none (then not written). */
  public List<ToolCall> getToolCalls() {
    return toolCalls;
  }

  /** The deprecated {@code function_call} of an assistant message, or null. */
  public @Nullable FunctionCall getFunctionCall() {
    return functionCall;
  }

  /** The id of the tool call a {@code tool} message answers, or null. */
  public @Nullable String getToolCallId() {
    return toolCallId;
  }

  /** A reference to earlier assistant audio, or null. */
  public @Nullable AudioReference getAudio() {
    return audio;
  }

  /** The reasoning text some providers accept back on assistant messages, or null. */
  public @Nullable String getReasoningContent() {
    return reasoningContent;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChatMessage)) return false;
    ChatMessage that = (ChatMessage) o;
    return role.equals(that.role)
        && Objects.equals(content, that.content)
        && Objects.equals(contentParts, that.contentParts)
        && Objects.equals(name, that.name)
        && Objects.equals(refusal, that.refusal)
        && toolCalls.equals(that.toolCalls)
        && Objects.equals(functionCall, that.functionCall)
        && Objects.equals(toolCallId, that.toolCallId)
        && Objects.equals(audio, that.audio)
        && Objects.equals(reasoningContent, that.reasoningContent)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, content, contentParts, name, refusal, toolCalls, functionCall,
        toolCallId, audio, reasoningContent, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("ChatMessage").add("role", role).add("content", content)
        .add("contentParts", contentParts).add("name", name).add("refusal", refusal)
        .add("toolCalls", toolCalls).add("functionCall", functionCall)
        .add("toolCallId", toolCallId).add("audio", audio)
        .add("reasoningContent", reasoningContent).add("extras", extras).toString();
  }

  /** Builds a {@link ChatMessage}; not thread-safe. */
  public static final class Builder {
    private @Nullable Role role;
    private @Nullable String content;
    private @Nullable List<ContentPart> contentParts;
    private @Nullable String name;
    private @Nullable String refusal;
    private final List<ToolCall> toolCalls = new ArrayList<>();
    private @Nullable FunctionCall functionCall;
    private @Nullable String toolCallId;
    private @Nullable AudioReference audio;
    private @Nullable String reasoningContent;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the role (required). */
    public Builder role(Role role) {
      this.role = role;
      return this;
    }

    /** Sets text content, replacing any content parts. */
    public Builder content(@Nullable String content) {
      this.content = content;
      this.contentParts = null;
      return this;
    }

    /** Sets content parts, replacing any text content; null means no content. */
    public Builder contentParts(@Nullable List<ContentPart> parts) {
      this.contentParts = parts == null ? null : new ArrayList<>(parts);
      this.content = null;
      return this;
    }

    /** Appends a content part, replacing any text content. */
    public Builder addContentPart(ContentPart part) {
      if (contentParts == null) contentParts = new ArrayList<>();
      contentParts.add(part);
      this.content = null;
      return this;
    }

    /** Sets the author's name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets the refusal. */
    public Builder refusal(@Nullable String refusal) {
      this.refusal = refusal;
      return this;
    }

    /** Replaces the tool calls. */
    public Builder toolCalls(List<ToolCall> toolCalls) {
      this.toolCalls.clear();
      this.toolCalls.addAll(toolCalls);
      return this;
    }

    /** Appends a tool call. */
    public Builder addToolCall(ToolCall toolCall) {
      toolCalls.add(toolCall);
      return this;
    }

    /** Sets the deprecated function call. */
    public Builder functionCall(@Nullable FunctionCall functionCall) {
      this.functionCall = functionCall;
      return this;
    }

    /** Sets the id of the tool call this message answers. */
    public Builder toolCallId(@Nullable String toolCallId) {
      this.toolCallId = toolCallId;
      return this;
    }

    /** Sets the reference to earlier audio. */
    public Builder audio(@Nullable AudioReference audio) {
      this.audio = audio;
      return this;
    }

    /** Sets the reasoning content. */
    public Builder reasoningContent(@Nullable String reasoningContent) {
      this.reasoningContent = reasoningContent;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras.clear();
      this.extras.putAll(extras);
      return this;
    }

    /**
     * The immutable message.
     *
     * @throws IllegalStateException when the role is missing, or a list holds null
     */
    public ChatMessage build() {
      if (role == null) throw new IllegalStateException("message role is required");
      if (contentParts != null && contentParts.contains(null)) {
        throw new IllegalStateException("content parts must not contain null");
      }
      if (toolCalls.contains(null)) throw new IllegalStateException("tool calls must not contain null");
      return new ChatMessage(this);
    }
  }
}
