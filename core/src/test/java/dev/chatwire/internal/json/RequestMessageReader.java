package dev.chatwire.internal.json;

import static dev.chatwire.internal.json.RequestReader.build;
import static dev.chatwire.internal.json.RequestReader.requireString;
import static dev.chatwire.internal.json.RequestReader.stringOrTypeError;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.model.AudioReference;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ContentPart;
import dev.chatwire.model.FileInput;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ImageUrl;
import dev.chatwire.model.InputAudio;
import dev.chatwire.model.Role;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads request messages, their content parts and tool calls. */
final class RequestMessageReader {
  private RequestMessageReader() {}

  static List<ChatMessage> messages(JsonIn in) {
    if (in.isNull()) throw in.typeError("an array");
    in.beginArrayOrNull();
    List<ChatMessage> messages = new ArrayList<>();
    while (in.nextElement()) messages.add(message(in));
    return messages;
  }

  private static ChatMessage message(JsonIn in) {
    in.requireObject();
    ChatMessage.Builder b = ChatMessage.builder();
    boolean hasRole = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "role": b.role(Role.of(requireString(in))); hasRole = true; break;
        case "content":
          if (in.token() == JsonToken.START_ARRAY) b.contentParts(parts(in));
          else b.content(stringOrTypeError(in, "a string or an array"));
          break;
        case "name": b.name(in.stringOrNull()); break;
        case "refusal": b.refusal(in.stringOrNull()); break;
        case "tool_calls": b.toolCalls(toolCalls(in)); break;
        case "function_call": b.functionCall(functionCall(in)); break;
        case "tool_call_id": b.toolCallId(in.stringOrNull()); break;
        case "audio": b.audio(audio(in)); break;
        case "reasoning_content": b.reasoningContent(in.stringOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!hasRole) throw in.error("missing required member 'role'");
    return build(in, b::build);
  }

  static List<ContentPart> parts(JsonIn in) {
    in.beginArrayOrNull();
    List<ContentPart> parts = new ArrayList<>();
    while (in.nextElement()) parts.add(part(in));
    return parts;
  }

  private static ContentPart part(JsonIn in) {
    in.requireObject();
    ContentPart.Builder b = ContentPart.builder();
    boolean typed = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "type": b.type(requireString(in)); typed = true; break;
        case "text": b.text(in.stringOrNull()); break;
        case "refusal": b.refusal(in.stringOrNull()); break;
        case "image_url": b.imageUrl(imageUrl(in)); break;
        case "input_audio": b.inputAudio(inputAudio(in)); break;
        case "file": b.file(file(in)); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!typed) throw in.error("missing required member 'type'");
    return build(in, b::build);
  }

  private static @Nullable ImageUrl imageUrl(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    ImageUrl.Builder b = ImageUrl.builder();
    boolean hasUrl = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "url": b.url(requireString(in)); hasUrl = true; break;
        case "detail": b.detail(in.stringOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!hasUrl) throw in.error("missing required member 'url'");
    return build(in, b::build);
  }

  private static @Nullable InputAudio inputAudio(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    InputAudio.Builder b = InputAudio.builder();
    boolean hasData = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "data": b.data(requireString(in)); hasData = true; break;
        case "format": b.format(in.stringOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!hasData) throw in.error("missing required member 'data'");
    return build(in, b::build);
  }

  private static @Nullable FileInput file(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    FileInput.Builder b = FileInput.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "file_id": b.fileId(in.stringOrNull()); break;
        case "file_data": b.fileData(in.stringOrNull()); break;
        case "filename": b.filename(in.stringOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  private static @Nullable AudioReference audio(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    AudioReference.Builder b = AudioReference.builder();
    boolean hasId = false;
    for (String name; (name = in.nextField()) != null; ) {
      if (name.equals("id")) {
        b.id(requireString(in));
        hasId = true;
      } else {
        b.putExtra(name, in.raw());
      }
    }
    if (!hasId) throw in.error("missing required member 'id'");
    return build(in, b::build);
  }

  private static List<ToolCall> toolCalls(JsonIn in) {
    List<ToolCall> calls = new ArrayList<>();
    if (!in.beginArrayOrNull()) return calls;
    while (in.nextElement()) {
      in.requireObject();
      ToolCall.Builder b = ToolCall.builder();
      for (String name; (name = in.nextField()) != null; ) {
        switch (name) {
          case "index": b.index(in.intOrNull()); break;
          case "id": b.id(in.stringOrNull()); break;
          case "type": b.type(in.stringOrNull()); break;
          case "function": b.function(functionCall(in)); break;
          default: b.putExtra(name, in.raw());
        }
      }
      calls.add(b.build());
    }
    return calls;
  }

  private static @Nullable FunctionCall functionCall(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    FunctionCall.Builder b = FunctionCall.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "name": b.name(in.stringOrNull()); break;
        case "arguments": b.arguments(in.stringOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }
}
