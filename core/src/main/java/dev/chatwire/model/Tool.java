package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call: {@code type} (usually {@code function}) and, for function tools, the
 * {@link FunctionDefinition}. A tool of another type (such as {@code custom}) keeps its members in
 * {@link #getExtras()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * Tool weather = Tool.function("get_weather", "Current weather for a city",
 *     "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
 * }</pre>
 */
public final class Tool {
  private final String type;
  private final @Nullable FunctionDefinition function;
  private final Map<String, String> extras;

  private Tool(Builder b) {
    this.type = Objects.requireNonNull(b.type, "type");
    this.function = b.function;
    this.extras = Maps.copy(b.extras);
  }

  /** A function tool. */
  public static Tool function(FunctionDefinition function) {
    return builder().function(function).build();
  }

  /** A function tool from its name, description and parameters schema (raw JSON). */
  public static Tool function(
      String name, @Nullable String description, @Nullable String parametersJson) {
    return function(FunctionDefinition.of(name, description, parametersJson));
  }

  /** Starts building a tool; the type defaults to {@code function}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this tool's values. */
  public Builder toBuilder() {
    return new Builder().type(type).function(function).extras(extras);
  }

  /** The tool's type, usually {@code function}. */
  public String getType() {
    return type;
  }

  /** The function of a function tool, or null. */
  public @Nullable FunctionDefinition getFunction() {
    return function;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Tool)) return false;
    Tool that = (Tool) o;
    return type.equals(that.type)
        && Objects.equals(function, that.function)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, function, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("Tool")
        .add("type", type).add("function", function).add("extras", extras).toString();
  }

  /** Builds a {@link Tool}; not thread-safe. */
  public static final class Builder {
    private String type = "function";
    private @Nullable FunctionDefinition function;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the type; {@code function} unless set. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets the function. */
    public Builder function(@Nullable FunctionDefinition function) {
      this.function = function;
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
     * The immutable tool.
     *
     * @throws IllegalStateException when the type is empty
     */
    public Tool build() {
      if (type.isEmpty()) throw new IllegalStateException("tool type must not be empty");
      return new Tool(this);
    }
  }
}
