package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code tool_choice} parameter, in one of its two shapes: a mode string ({@code none},
 * {@code auto}, {@code required}) or an object naming a tool, such as
 * {@code {"type":"function","function":{"name":"get_weather"}}}. Objects of other types (such as
 * {@code allowed_tools} or {@code custom}) keep their members in {@link #getExtras()}; a
 * {@code function} object with members beyond {@code name} is kept whole there too. Immutable
 * and thread-safe.
 *
 * <pre>{@code
 * ToolChoice.AUTO;
 * ToolChoice.function("get_weather");
 * }</pre>
 */
public final class ToolChoice {
  /** {@code "none"}: the model calls no tool. */
  public static final ToolChoice NONE = new ToolChoice("none");
  /** {@code "auto"}: the model decides. */
  public static final ToolChoice AUTO = new ToolChoice("auto");
  /** {@code "required"}: the model calls at least one tool. */
  public static final ToolChoice REQUIRED = new ToolChoice("required");

  private final @Nullable String mode;
  private final @Nullable String type;
  private final @Nullable String functionName;
  private final Map<String, String> extras;

  private ToolChoice(String mode) {
    this.mode = mode;
    this.type = null;
    this.functionName = null;
    this.extras = Collections.emptyMap();
  }

  private ToolChoice(Builder b) {
    this.mode = null;
    this.type = b.type;
    this.functionName = b.functionName;
    this.extras = Maps.copy(b.extras);
  }

  /** The mode string form: the constant for a known mode, else a new value holding it. */
  public static ToolChoice mode(String mode) {
    switch (mode) {
      case "none":
        return NONE;
      case "auto":
        return AUTO;
      case "required":
        return REQUIRED;
      default:
        return new ToolChoice(mode);
    }
  }

  /** Forces a call of the function named {@code name}. */
  public static ToolChoice function(String name) {
    return builder().functionName(name).build();
  }

  /** Starts building the object form; the type defaults to {@code function}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this choice's values (object form only). */
  public Builder toBuilder() {
    if (mode != null) throw new IllegalStateException("a mode tool choice has no builder");
    return new Builder().type(type).functionName(functionName).extras(extras);
  }

  /** The mode ({@code none}, {@code auto}, {@code required}...), or null for the object form. */
  public @Nullable String getMode() {
    return mode;
  }

  /** The object form's {@code type}, or null for the mode form. */
  public @Nullable String getType() {
    return type;
  }

  /** The forced function's name, or null. */
  public @Nullable String getFunctionName() {
    return functionName;
  }

  /** Object members this version does not know, as raw JSON text by name. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ToolChoice)) return false;
    ToolChoice that = (ToolChoice) o;
    return Objects.equals(mode, that.mode)
        && Objects.equals(type, that.type)
        && Objects.equals(functionName, that.functionName)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode, type, functionName, extras);
  }

  @Override
  public String toString() {
    if (mode != null) return mode;
    return new ToStrings("ToolChoice").add("type", type).add("functionName", functionName)
        .add("extras", extras).toString();
  }

  /** Builds the object form of a {@link ToolChoice}; not thread-safe. */
  public static final class Builder {
    private @Nullable String type = "function";
    private @Nullable String functionName;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the type; {@code function} unless set. */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /** Sets the forced function's name. */
    public Builder functionName(@Nullable String functionName) {
      this.functionName = functionName;
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
     * The immutable choice.
     *
     * @throws IllegalStateException when a function name and a raw {@code function} member are
     *     both set
     */
    public ToolChoice build() {
      if (functionName != null && extras.containsKey("function")) {
        throw new IllegalStateException("function is set both by name and as an extra");
      }
      return new ToolChoice(this);
    }
  }
}
