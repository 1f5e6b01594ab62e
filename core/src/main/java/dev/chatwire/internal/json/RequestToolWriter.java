package dev.chatwire.internal.json;

import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.JsonSchemaFormat;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolChoice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes a request's {@code tools}, {@code tool_choice} and {@code response_format}. */
final class RequestToolWriter {
  private RequestToolWriter() {}

  static void tools(List<Tool> tools, JsonOut out) {
    if (tools.isEmpty()) return;
    out.field("tools");
    out.startArray();
    for (Tool t : tools) {
      out.startObject();
      out.string("type", t.getType());
      function(t.getFunction(), out);
      out.extras(t.getExtras());
      out.endObject();
    }
    out.endArray();
  }

  private static void function(@Nullable FunctionDefinition f, JsonOut out) {
    if (f == null) return;
    out.field("function");
    out.startObject();
    out.string("name", f.getName());
    out.string("description", f.getDescription());
    if (f.getParameters() != null) out.rawField("parameters", f.getParameters());
    out.bool("strict", f.getStrict());
    out.extras(f.getExtras());
    out.endObject();
  }

  static void toolChoice(@Nullable ToolChoice c, JsonOut out) {
    if (c == null) return;
    if (c.getMode() != null) {
      out.string("tool_choice", c.getMode());
      return;
    }
    out.field("tool_choice");
    out.startObject();
    out.string("type", c.getType());
    if (c.getFunctionName() != null) {
      out.field("function");
      out.startObject();
      out.string("name", c.getFunctionName());
      out.endObject();
    }
    out.extras(c.getExtras());
    out.endObject();
  }

  static void responseFormat(@Nullable ResponseFormat f, JsonOut out) {
    if (f == null) return;
    out.field("response_format");
    out.startObject();
    out.string("type", f.getType());
    JsonSchemaFormat s = f.getJsonSchema();
    if (s != null) {
      out.field("json_schema");
      out.startObject();
      out.string("name", s.getName());
      out.string("description", s.getDescription());
      if (s.getSchema() != null) out.rawField("schema", s.getSchema());
      out.bool("strict", s.getStrict());
      out.extras(s.getExtras());
      out.endObject();
    }
    out.extras(f.getExtras());
    out.endObject();
  }
}
