package dev.chatwire.structured;

import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolCall;
import dev.chatwire.structured.internal.Binding;
import dev.chatwire.structured.internal.MethodTools;
import dev.chatwire.structured.internal.ToolInvoker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A set of runnable tools by name: {@link TypedTool}s with their handlers and the {@link
 * ToolMethod}s of objects. Gives the definitions for a request and runs a call into its result
 * message. Immutable and thread-safe when the handlers are.
 *
 * <pre>{@code
 * Tools tools = Tools.builder()
 *     .add(TypedTool.of("get_weather", "Current weather", GetWeather.class), args -> lookup(args))
 *     .addMethods(new Calendar())
 *     .build();
 * ChatMessage result = tools.execute(call, ToolErrorPolicy.REPORT);
 * }</pre>
 */
public final class Tools {
  private final Map<String, ToolInvoker> byName;

  private Tools(Map<String, ToolInvoker> byName) {
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /** Starts a set of tools. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The {@code tool} message answering the call {@code callId} with {@code value}: a String as
   * is, anything else as JSON ({@code null} as {@code null}).
   */
  public static ChatMessage resultMessage(String callId, @Nullable Object value) {
    String content = value instanceof CharSequence ? value.toString()
        : value == null ? "null" : Binding.write(value);
    return ChatMessage.tool(callId, content);
  }

  /** The definitions to send, in the order added. */
  public List<Tool> getTools() {
    List<Tool> tools = new ArrayList<>(byName.size());
    for (ToolInvoker i : byName.values()) tools.add(i.tool());
    return Collections.unmodifiableList(tools);
  }

  /**
   * Runs {@code call} and returns its result message. A tool that throws, arguments that do not
   * fit, or a name no tool has become an {@code {"error":...}} result under {@link
   * ToolErrorPolicy#REPORT}, and a {@link ToolExecutionException} under {@link
   * ToolErrorPolicy#STOP}.
   */
  public ChatMessage execute(ToolCall call, ToolErrorPolicy policy) {
    String id = call.getId() == null ? "" : call.getId();
    String name = call.getFunction() == null ? null : call.getFunction().getName();
    ToolInvoker invoker = name == null ? null : byName.get(name);
    try {
      if (invoker == null) throw new IllegalArgumentException("no tool is named " + name);
      String arguments = call.getFunction().getArguments();
      return resultMessage(id, invoker.invoke(arguments == null ? "{}" : arguments));
    } catch (Exception e) {
      if (policy == ToolErrorPolicy.STOP) {
        throw new ToolExecutionException("the call " + id + " of " + name + " failed: "
            + e.getClass().getSimpleName(), id, name, e);
      }
      Map<String, String> error = new LinkedHashMap<>();
      error.put("error", e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      return resultMessage(id, error);
    }
  }

  /** Builds {@link Tools}; not thread-safe. */
  public static final class Builder {
    private final Map<String, ToolInvoker> byName = new LinkedHashMap<>();

    Builder() {}

    /** Adds a typed tool run by {@code handler}. */
    public <A> Builder add(TypedTool<A> tool, ToolHandler<A> handler) {
      Objects.requireNonNull(handler, "handler");
      return put(new ToolInvoker() {
        @Override
        public Tool tool() {
          return tool.getTool();
        }

        @Override
        public @Nullable Object invoke(String argumentsJson) throws Exception {
          return handler.call(tool.parseArguments(argumentsJson));
        }
      });
    }

    /**
     * Adds every public {@link ToolMethod} of {@code target}.
     *
     * @throws UnsupportedSchemaException when a parameter has no name or no strict schema
     */
    public Builder addMethods(Object target) {
      for (ToolInvoker i : MethodTools.of(target)) put(i);
      return this;
    }

    private Builder put(ToolInvoker invoker) {
      String name = Objects.requireNonNull(invoker.tool().getFunction()).getName();
      if (byName.putIfAbsent(name, invoker) != null) {
        throw new IllegalArgumentException("two tools are named " + name);
      }
      return this;
    }

    /** The immutable set. */
    public Tools build() {
      return new Tools(byName);
    }
  }
}
