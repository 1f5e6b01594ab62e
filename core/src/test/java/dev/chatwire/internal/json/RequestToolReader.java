package dev.chatwire.internal.json;

import static dev.chatwire.internal.json.RequestReader.build;
import static dev.chatwire.internal.json.RequestReader.rawOrNull;
import static dev.chatwire.internal.json.RequestReader.requireString;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.JsonSchemaFormat;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolChoice;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a request's {@code tools}, {@code tool_choice} and {@code response_format}. */
final class RequestToolReader {
  private RequestToolReader() {}

  static List<Tool> tools(JsonIn in) {
    List<Tool> tools = new ArrayList<>();
    if (!in.beginArrayOrNull()) return tools;
    while (in.nextElement()) {
      in.requireObject();
      Tool.Builder b = Tool.builder();
      for (String name; (name = in.nextField()) != null; ) {
        switch (name) {
          case "type": b.type(requireString(in)); break;
          case "function": b.function(function(in)); break;
          default: b.putExtra(name, in.raw());
        }
      }
      tools.add(build(in, b::build));
    }
    return tools;
  }

  private static @Nullable FunctionDefinition function(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    FunctionDefinition.Builder b = FunctionDefinition.builder();
    boolean named = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "name": b.name(requireString(in)); named = true; break;
        case "description": b.description(in.stringOrNull()); break;
        case "parameters": b.parameters(rawOrNull(in)); break;
        case "strict": b.strict(in.booleanOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!named) throw in.error("missing required member 'name'");
    return build(in, b::build);
  }

  static @Nullable ToolChoice toolChoice(JsonIn in) {
    if (in.isNull()) return null;
    if (in.token() == JsonToken.VALUE_STRING) return ToolChoice.mode(requireString(in));
    if (in.token() != JsonToken.START_OBJECT) throw in.typeError("a string or an object");
    ToolChoice.Builder b = ToolChoice.builder().type(null);
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "type": b.type(in.stringOrNull()); break;
        case "function": {
          String raw = in.raw();
          String fn = functionName(raw);
          if (fn != null) b.functionName(fn);
          else b.putExtra(name, raw);
          break;
        }
        default: b.putExtra(name, in.raw());
      }
    }
    return build(in, b::build);
  }

  /** The name when {@code raw} is exactly {@code {"name": "..."}}, else null (kept raw). */
  private static @Nullable String functionName(String raw) {
    byte[] bytes = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JsonIn f = JsonIn.open(bytes, 0, bytes.length, -1);
    if (f.next() != JsonToken.START_OBJECT) return null;
    String name = null;
    for (String member; (member = f.nextField()) != null; ) {
      if (!member.equals("name") || name != null || f.token() != JsonToken.VALUE_STRING) {
        return null;
      }
      name = f.stringOrNull();
    }
    return name;
  }

  static @Nullable ResponseFormat responseFormat(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    ResponseFormat.Builder b = ResponseFormat.builder();
    boolean typed = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "type": b.type(requireString(in)); typed = true; break;
        case "json_schema": b.jsonSchema(jsonSchema(in)); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!typed) throw in.error("missing required member 'type'");
    return build(in, b::build);
  }

  private static @Nullable JsonSchemaFormat jsonSchema(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    JsonSchemaFormat.Builder b = JsonSchemaFormat.builder();
    boolean named = false;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "name": b.name(requireString(in)); named = true; break;
        case "description": b.description(in.stringOrNull()); break;
        case "schema": b.schema(rawOrNull(in)); break;
        case "strict": b.strict(in.booleanOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    if (!named) throw in.error("missing required member 'name'");
    return build(in, b::build);
  }
}
