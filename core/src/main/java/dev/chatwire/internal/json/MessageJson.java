package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.internal.Maps;
import dev.chatwire.internal.ModelAccess;
import dev.chatwire.model.Audio;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.Role;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the members that a completion message and a chunk delta share, into fields that are
 * reset and reused from one object to the next (one instance per stream), and writes them.
 *
 * <p>A {@code content} that is an array of parts rather than text (Mistral sends its thinking
 * so) is kept raw in the extras under {@code content}, and written back from there.
 */
final class MessageJson {
  private @Nullable Role role;
  private @Nullable String content;
  private @Nullable String refusal;
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private @Nullable FunctionCall functionCall;
  private @Nullable Audio audio;
  private @Nullable String reasoningContent;
  private @Nullable String reasoning;
  private final ExtrasGatherer extras = new ExtrasGatherer();
  private final ReusedValue<Role> roles = new ReusedValue<>(Role::of);

  /** Reads the current message or delta object, replacing what was read before. */
  void read(JsonIn in) {
    in.requireObject();
    role = null;
    content = refusal = reasoningContent = reasoning = null;
    functionCall = null;
    audio = null;
    toolCalls.clear();
    extras.clear();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "role":
          role = roles.read(in);
          break;
        case "content":
          if (in.token() == JsonToken.START_ARRAY) extras.put(name, in.raw()); // Mistral's parts
          else content = in.stringOrNull();
          break;
        case "refusal":
          refusal = in.stringOrNull();
          break;
        case "tool_calls":
          ToolCallJson.readList(in, toolCalls);
          break;
        case "function_call":
          functionCall = ToolCallJson.functionOrNull(in);
          break;
        case "audio":
          audio = audio(in);
          break;
        case "reasoning_content":
          reasoningContent = in.stringOrNull();
          break;
        case "reasoning":
          reasoning = in.stringOrNull();
          break;
        default:
          extras.put(name, in.raw());
      }
    }
  }

  /** The last object read, as a message. */
  ChatCompletionMessage message() {
    return ChatCompletionMessage.builder().role(role).content(content).refusal(refusal)
        .toolCalls(toolCalls).functionCall(functionCall).audio(audio)
        .reasoningContent(reasoningContent).reasoning(reasoning).extras(extras.copy()).build();
  }

  /** The last object read, as a delta. */
  Delta delta() {
    return ModelAccess.get().delta(role, content, refusal, Maps.copy(toolCalls), functionCall,
        audio, reasoningContent, reasoning, extras.copy());
  }

  private static @Nullable Audio audio(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    Audio.Builder b = Audio.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "id":
          b.id(in.stringOrNull());
          break;
        case "data":
          b.data(in.stringOrNull());
          break;
        case "expires_at":
          b.expiresAt(in.longOrNull());
          break;
        case "transcript":
          b.transcript(in.stringOrNull());
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  /** Writes a message object; {@code content} and {@code refusal} are written even when null. */
  static void write(JsonOut out, ChatCompletionMessage m) {
    out.startObject();
    Role role = m.getRole();
    if (role != null) out.string("role", role.getValue());
    if (m.getContent() != null) out.string("content", m.getContent());
    else if (!m.getExtras().containsKey("content")) out.nullField("content");
    if (m.getRefusal() == null) out.nullField("refusal");
    else out.string("refusal", m.getRefusal());
    writeRest(out, m.getToolCalls(), m.getFunctionCall(), m.getAudio(), m.getReasoningContent(),
        m.getReasoning(), m.getExtras());
  }

  /** Writes a delta object with only the members it has. */
  static void write(JsonOut out, Delta d) {
    out.startObject();
    Role role = d.getRole();
    if (role != null) out.string("role", role.getValue());
    out.string("content", d.getContent());
    out.string("refusal", d.getRefusal());
    writeRest(out, d.getToolCalls(), d.getFunctionCall(), d.getAudio(), d.getReasoningContent(),
        d.getReasoning(), d.getExtras());
  }

  private static void writeRest(JsonOut out, List<ToolCall> toolCalls,
      @Nullable FunctionCall functionCall, @Nullable Audio audio,
      @Nullable String reasoningContent, @Nullable String reasoning, Map<String, String> extras) {
    ToolCallJson.writeList(out, toolCalls);
    if (functionCall != null) ToolCallJson.writeFunction(out, "function_call", functionCall);
    if (audio != null) {
      out.field("audio");
      out.startObject();
      out.string("id", audio.getId());
      out.string("data", audio.getData());
      out.number("expires_at", audio.getExpiresAt());
      out.string("transcript", audio.getTranscript());
      out.extras(audio.getExtras());
      out.endObject();
    }
    out.string("reasoning_content", reasoningContent);
    out.string("reasoning", reasoning);
    out.extras(extras);
    out.endObject();
  }
}
