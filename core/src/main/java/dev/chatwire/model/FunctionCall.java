package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The function part of a tool call (and the deprecated top-level {@code function_call}): its
 * {@code name} and its {@code arguments}, a JSON text the model wrote (possibly invalid JSON).
 *
 * <p>In a stream chunk both are fragments: the name usually arrives once, the arguments in
 * pieces that the accumulator concatenates. Immutable and thread-safe.
 */
public final class FunctionCall {
  private final @Nullable String name;
  private final @Nullable String arguments;
  private final Map<String, String> extras;

  private FunctionCall(Builder b) {
    this.name = b.name;
    this.arguments = b.arguments;
    this.extras = Maps.copy(b.extras);
  }

  /** A function call with a name and complete arguments. */
  public static FunctionCall of(String name, String arguments) {
    return builder().name(name).arguments(arguments).build();
  }

  /** Starts building a function call. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this call's values. */
  public Builder toBuilder() {
    return new Builder().name(name).arguments(arguments).extras(extras);
  }

  /** The function's name, or null when absent (later stream fragments). */
  public @Nullable String getName() {
    return name;
  }

  /** The arguments as JSON text (or a fragment of it in a chunk), or null when absent. */
  public @Nullable String getArguments() {
    return arguments;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof FunctionCall)) return false;
    FunctionCall that = (FunctionCall) o;
    return Objects.equals(name, that.name)
        && Objects.equals(arguments, that.arguments)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, arguments, extras);
  }

  @Override
  public String toString() {
    return "FunctionCall{name=" + name + ", arguments=" + arguments
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link FunctionCall}; not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String arguments;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the function name. */
    public Builder name(@Nullable String name) {
      this.name = name;
      return this;
    }

    /** Sets the arguments JSON text. */
    public Builder arguments(@Nullable String arguments) {
      this.arguments = arguments;
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

    /** The immutable function call. */
    public FunctionCall build() {
      return new FunctionCall(this);
    }
  }
}
