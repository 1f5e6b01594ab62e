package dev.chatwire.internal.json;

import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads and writes {@link ToolCall} and {@link FunctionCall} (whole, or stream fragments). */
final class ToolCallJson {
  private ToolCallJson() {}

  /** Reads the tool call objects of the current array into {@code into}; null adds nothing. */
  static void readList(JsonIn in, List<ToolCall> into) {
    if (!in.beginArrayOrNull()) return;
    while (in.nextElement()) into.add(read(in));
  }

  /** Reads the current tool call object. */
  static ToolCall read(JsonIn in) {
    in.requireObject();
    ToolCall.Builder b = ToolCall.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "index":
          b.index(in.intOrNull());
          break;
        case "id":
          b.id(in.stringOrNull());
          break;
        case "type":
          b.type(in.stringOrNull());
          break;
        case "function":
          b.function(functionOrNull(in));
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  /** Reads the current function call object, or null for JSON null. */
  static @Nullable FunctionCall functionOrNull(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    FunctionCall.Builder b = FunctionCall.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "name":
          b.name(in.stringOrNull());
          break;
        case "arguments":
          b.arguments(in.stringOrNull());
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  /** Writes {@code "tool_calls": [...]} when the list is not empty. */
  static void writeList(JsonOut out, List<ToolCall> calls) {
    if (calls.isEmpty()) return;
    out.field("tool_calls");
    out.startArray();
    for (ToolCall call : calls) write(out, call);
    out.endArray();
  }

  /** Writes one tool call object. */
  static void write(JsonOut out, ToolCall call) {
    out.startObject();
    out.number("index", call.getIndex());
    out.string("id", call.getId());
    out.string("type", call.getType());
    FunctionCall function = call.getFunction();
    if (function != null) writeFunction(out, "function", function);
    out.extras(call.getExtras());
    out.endObject();
  }

  /** Writes {@code "name": {function call}}. */
  static void writeFunction(JsonOut out, String name, FunctionCall function) {
    out.field(name);
    out.startObject();
    out.string("name", function.getName());
    out.string("arguments", function.getArguments());
    out.extras(function.getExtras());
    out.endObject();
  }
}
