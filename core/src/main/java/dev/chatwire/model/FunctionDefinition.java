package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import dev.chatwire.internal.json.RequestRaw;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code function} of a function tool: its {@code name}, a {@code description} for the model,
 * its {@code parameters} as a JSON Schema (raw JSON text, written as is), and {@code strict}
 * (Structured Outputs for the arguments). Immutable and thread-safe.
 *
 * <pre>{@code
 * FunctionDefinition.of("get_weather", "Current weather for a city",
 *     "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
 * }</pre>
 */
public final class FunctionDefinition {
  private final String name;
  private final @Nullable String description;
  private final @Nullable String parameters;
  private final @Nullable Boolean strict;
  private final Map<String, String> extras;

  private FunctionDefinition(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.description = b.description;
    this.parameters = b.parameters;
    this.strict = b.strict;
    this.extras = Maps.copy(b.extras);
  }

  /** A function with a description and a parameters schema (raw JSON). */
  public static FunctionDefinition of(
      String name, @Nullable String description, @Nullable String parametersJson) {
    return builder().name(name).description(description).parameters(parametersJson).build();
  }

  /** Starts building a function definition. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this definition's values. */
  public Builder toBuilder() {
    return new Builder().name(name).description(description).parameters(parameters)
        .strict(strict).extras(extras);
  }

  /** The function's name. */
  public String getName() {
    return name;
  }

  /** What the function does, for the model; null when absent. */
  public @Nullable String getDescription() {
    return description;
  }

  /** The JSON Schema of the arguments as raw JSON text, or null when absent. */
  public @Nullable String getParameters() {
    return parameters;
  }

  /** Whether the arguments must follow the schema exactly, or null when not set. */
  public @Nullable Boolean getStrict() {
    return strict;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof FunctionDefinition)) return false;
    FunctionDefinition that = (FunctionDefinition) o;
    return name.equals(that.name)
        && Objects.equals(description, that.description)
        && Objects.equals(parameters, that.parameters)
        && Objects.equals(strict, that.strict)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, parameters, strict, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("FunctionDefinition").add("name", name).add("description", description)
        .add("parameters", parameters).add("strict", strict).add("extras", extras).toString();
  }

  /** Builds a {@link FunctionDefinition}; not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String parameters;
    private @Nullable Boolean strict;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the name (required, not empty). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the description. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the parameters' JSON Schema as raw JSON text.
     *
     * @throws IllegalArgumentException when the text is not a single JSON value
     */
    public Builder parameters(@Nullable String parametersJson) {
      this.parameters =
          parametersJson == null ? null : RequestRaw.require("function parameters", parametersJson);
      return this;
    }

    /** Sets strict schema adherence. */
    public Builder strict(@Nullable Boolean strict) {
      this.strict = strict;
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
     * The immutable definition.
     *
     * @throws IllegalStateException when the name is missing or empty
     */
    public FunctionDefinition build() {
      if (name == null || name.isEmpty()) {
        throw new IllegalStateException("function name is required");
      }
      return new FunctionDefinition(this);
    }
  }
}
