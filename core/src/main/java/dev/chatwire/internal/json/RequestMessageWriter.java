package dev.chatwire.internal.json;

import dev.chatwire.model.AudioReference;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ContentPart;
import dev.chatwire.model.FileInput;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ImageUrl;
import dev.chatwire.model.InputAudio;
import dev.chatwire.model.ToolCall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes request messages, their content parts and tool calls. */
final class RequestMessageWriter {
  private RequestMessageWriter() {}

  static void message(ChatMessage m, JsonOut out) {
    out.startObject();
    out.string("role", m.getRole().getValue());
    content(m.getContent(), m.getContentParts(), out);
    out.string("name", m.getName());
    out.string("refusal", m.getRefusal());
    if (!m.getToolCalls().isEmpty()) {
      out.field("tool_calls");
      out.startArray();
      for (ToolCall c : m.getToolCalls()) toolCall(c, out);
      out.endArray();
    }
    if (m.getFunctionCall() != null) {
      out.field("function_call");
      functionCall(m.getFunctionCall(), out);
    }
    out.string("tool_call_id", m.getToolCallId());
    AudioReference audio = m.getAudio();
    if (audio != null) {
      out.field("audio");
      out.startObject();
      out.string("id", audio.getId());
      out.extras(audio.getExtras());
      out.endObject();
    }
    out.string("reasoning_content", m.getReasoningContent());
    out.extras(m.getExtras());
    out.endObject();
  }

  /** Writes {@code content} as text or parts; nothing when both are null. */
  static void content(@Nullable String text, @Nullable List<ContentPart> parts, JsonOut out) {
    if (parts != null) {
      out.field("content");
      out.startArray();
      for (ContentPart p : parts) part(p, out);
      out.endArray();
    } else {
      out.string("content", text);
    }
  }

  private static void part(ContentPart p, JsonOut out) {
    out.startObject();
    out.string("type", p.getType());
    out.string("text", p.getText());
    out.string("refusal", p.getRefusal());
    ImageUrl image = p.getImageUrl();
    if (image != null) {
      out.field("image_url");
      out.startObject();
      out.string("url", image.getUrl());
      out.string("detail", image.getDetail());
      out.extras(image.getExtras());
      out.endObject();
    }
    InputAudio audio = p.getInputAudio();
    if (audio != null) {
      out.field("input_audio");
      out.startObject();
      out.string("data", audio.getData());
      out.string("format", audio.getFormat());
      out.extras(audio.getExtras());
      out.endObject();
    }
    FileInput file = p.getFile();
    if (file != null) {
      out.field("file");
      out.startObject();
      out.string("file_id", file.getFileId());
      out.string("file_data", file.getFileData());
      out.string("filename", file.getFilename());
      out.extras(file.getExtras());
      out.endObject();
    }
    out.extras(p.getExtras());
    out.endObject();
  }

  private static void toolCall(ToolCall c, JsonOut out) {
    out.startObject();
    out.number("index", c.getIndex());
    out.string("id", c.getId());
    // Providers require the type; a call assembled from a stream that never named it is a function.
    out.string("type", c.getType() == null && c.getFunction() != null ? "function" : c.getType());
    if (c.getFunction() != null) {
      out.field("function");
      functionCall(c.getFunction(), out);
    }
    out.extras(c.getExtras());
    out.endObject();
  }

  private static void functionCall(FunctionCall f, JsonOut out) {
    out.startObject();
    out.string("name", f.getName());
    out.string("arguments", f.getArguments());
    out.extras(f.getExtras());
    out.endObject();
  }
}
