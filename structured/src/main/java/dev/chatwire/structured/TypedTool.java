package dev.chatwire.structured;

import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolCall;
import dev.chatwire.structured.internal.Binding;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A function tool whose arguments are a type: its fields (or a record's components) are the
 * arguments, described by a strict schema, and a call's arguments are read back into it.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * record GetWeather(@Description("City name") String city, Unit unit) {}
 * TypedTool<GetWeather> weather = TypedTool.of("get_weather", "Current weather", GetWeather.class);
 * request.toBuilder().tools(List.of(weather.getTool()));
 * GetWeather args = weather.parseArguments(call);   // OutputMismatchException if they do not fit
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val weather = TypedTool.of("get_weather", "Current weather", GetWeather::class.java)
 * }</pre>
 */
public final class TypedTool<A> {
  private final Tool tool;
  private final Class<A> argumentsType;

  private TypedTool(Tool tool, Class<A> argumentsType) {
    this.tool = tool;
    this.argumentsType = argumentsType;
  }

  /**
   * A strict function tool named {@code name} whose arguments are an {@code argumentsType}.
   *
   * @throws UnsupportedSchemaException when strict mode cannot express the type
   */
  public static <A> TypedTool<A> of(
      String name, @Nullable String description, Class<A> argumentsType) {
    FunctionDefinition function = FunctionDefinition.builder().name(name).description(description)
        .parameters(StructuredOutput.schema(argumentsType)).strict(true).build();
    return new TypedTool<>(Tool.function(function), argumentsType);
  }

  /** A tool named after {@code argumentsType}, described by its {@link Description}. */
  public static <A> TypedTool<A> of(Class<A> argumentsType) {
    Description d = argumentsType.getAnnotation(Description.class);
    return of(StructuredOutput.nameOf(argumentsType), d == null ? null : d.value(), argumentsType);
  }

  /** The tool to send in a request. */
  public Tool getTool() {
    return tool;
  }

  /** The function's name. */
  public String getName() {
    return Objects.requireNonNull(tool.getFunction()).getName();
  }

  /** The type the arguments are read into. */
  public Class<A> getArgumentsType() {
    return argumentsType;
  }

  /** Whether {@code call} calls this tool. */
  public boolean matches(ToolCall call) {
    return call.getFunction() != null && getName().equals(call.getFunction().getName());
  }

  /** The call's arguments as an {@code A}; throws {@link OutputMismatchException} if unfit. */
  public A parseArguments(ToolCall call) {
    String arguments = call.getFunction() == null ? null : call.getFunction().getArguments();
    if (arguments == null) {
      throw new OutputMismatchException("the call of " + getName() + " has no arguments", null, null);
    }
    return parseArguments(arguments);
  }

  /** Arguments JSON text as an {@code A}; throws {@link OutputMismatchException} if unfit. */
  public A parseArguments(String argumentsJson) {
    return Binding.read(argumentsJson, argumentsType, "the arguments of " + getName());
  }

  @Override
  public String toString() {
    return "TypedTool{" + getName() + ", " + argumentsType.getName() + '}';
  }
}
