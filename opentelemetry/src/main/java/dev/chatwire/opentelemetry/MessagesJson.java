package dev.chatwire.opentelemetry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.ContentPart;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.Role;
import dev.chatwire.model.ToolCall;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The conversation as the GenAI conventions' {@code gen_ai.input.messages} and {@code
 * gen_ai.output.messages} record it: a JSON array of messages, each a role and a list of parts
 * ({@code text}, {@code tool_call}, {@code tool_call_response}); a part that is not text (an
 * image, audio, a file) is recorded by its type alone.
 */
final class MessagesJson {
  private static final JsonFactory JSON = new JsonFactory();

  private MessagesJson() {}

  /** Writes one JSON document. */
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String json(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  static String input(List<ChatMessage> messages) {
    return json(g -> {
      g.writeStartArray();
      for (ChatMessage m : messages) {
        g.writeStartObject();
        g.writeStringField("role", m.getRole().getValue());
        g.writeArrayFieldStart("parts");
        if (Role.TOOL.equals(m.getRole())) {
          g.writeStartObject();
          g.writeStringField("type", "tool_call_response");
          if (m.getToolCallId() != null) g.writeStringField("id", m.getToolCallId());
          g.writeStringField("response", text(m));
          g.writeEndObject();
        } else {
          List<ContentPart> parts = m.getContentParts();
          if (parts != null) {
            for (ContentPart p : parts) part(g, p);
          } else if (m.getContent() != null) {
            textPart(g, m.getContent());
          }
          toolCalls(g, m.getToolCalls());
        }
        g.writeEndArray();
        if (m.getName() != null) g.writeStringField("name", m.getName());
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  static String output(ChatCompletion completion) {
    return json(g -> {
      g.writeStartArray();
      for (Choice c : completion.getChoices()) {
        ChatCompletionMessage m = c.getMessage();
        g.writeStartObject();
        g.writeStringField("role", m.getRole() == null ? "assistant" : m.getRole().getValue());
        g.writeArrayFieldStart("parts");
        if (m.getContent() != null) textPart(g, m.getContent());
        if (m.getRefusal() != null) textPart(g, m.getRefusal());
        toolCalls(g, m.getToolCalls());
        g.writeEndArray();
        if (c.getFinishReason() != null) {
          g.writeStringField("finish_reason", c.getFinishReason().getValue());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    });
  }

  private static String text(ChatMessage m) {
    if (m.getContent() != null) return m.getContent();
    StringBuilder sb = new StringBuilder();
    List<ContentPart> parts = m.getContentParts();
    if (parts != null) {
      for (ContentPart p : parts) if (p.getText() != null) sb.append(p.getText());
    }
    return sb.toString();
  }

  private static void part(JsonGenerator g, ContentPart p) throws IOException {
    String text = p.getText() != null ? p.getText() : p.getRefusal();
    if (text != null) {
      textPart(g, text);
      return;
    }
    g.writeStartObject();
    g.writeStringField("type", p.getType());
    g.writeEndObject();
  }

  private static void textPart(JsonGenerator g, String content) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "text");
    g.writeStringField("content", content);
    g.writeEndObject();
  }

  private static void toolCalls(JsonGenerator g, List<ToolCall> calls) throws IOException {
    for (ToolCall call : calls) {
      FunctionCall f = call.getFunction();
      g.writeStartObject();
      g.writeStringField("type", "tool_call");
      writeIfPresent(g, "id", call.getId());
      writeIfPresent(g, "name", f == null ? null : f.getName());
      writeIfPresent(g, "arguments", f == null ? null : f.getArguments());
      g.writeEndObject();
    }
  }

  private static void writeIfPresent(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) g.writeStringField(name, value);
  }
}
