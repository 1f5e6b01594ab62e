package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool call the assistant made: {@code id}, {@code type} (usually {@code function}) and the
 * {@link FunctionCall}. In a stream chunk it is a fragment keyed by {@code index}: the first
 * fragment carries {@code id}, {@code type} and the function name, later ones pieces of the
 * arguments. Immutable and thread-safe.
 *
 * <pre>{@code
 * ToolCall call = ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}");
 * }</pre>
 */
public final class ToolCall {
  private final @Nullable Integer index;
  private final @Nullable String id;
  private final @Nullable String type;
  private final @Nullable FunctionCall function;
  private final Map<String, String> extras;

  private ToolCall(Builder b) {
    this.index = b.index;
    this.id = b.id;
    this.type = b.type;
    this.function = b.function;
    this.extras = Maps.copy(b.extras);
  }

  /** A complete function tool call. */
  public static ToolCall function(String id, String name, String arguments) {
    return builder().id(id).type("function").function(FunctionCall.of(name, arguments)).build();
  }

  /** Starts building a tool call. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this call's values. */
  public Builder toBuilder() {
    return new Builder().index(index).id(id).type(type).function(function).extras(extras);
  }

  /** The position of this call in the message's list, sent in stream chunks; null elsewhere. */
  public @Nullable Integer getIndex() {
    return index;
  }

  /** The call's id, which a tool message answers; null in later stream fragments. */
  public @Nullable String getId() {
    return id;
  }

  /** The tool type, usually {@code function}; null in later stream fragments. */
  public @Nullable String getType() {
    return type;
  }

  /** The function called, or null when absent. */
  public @Nullable FunctionCall getFunction() {
    return function;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ToolCall)) return false;
    ToolCall that = (ToolCall) o;
    return Objects.equals(index, that.index)
        && Objects.equals(id, that.id)
        && Objects.equals(type, that.type)
        && Objects.equals(function, that.function)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, id, type, function, extras);
  }

  @Override
  public String toString() {
    return "ToolCall{index=" + index + ", id=" + id + ", type=" + type + ", function=" + function
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link ToolCall}; not thread-safe. */
  public static final class Builder {
    private @Nullable Integer index;
    private @Nullable String id;
    private @Nullable String type;
    private @Nullable FunctionCall function;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the index (stream chunks). */
    public Builder index(@Nullable Integer index) {
      this.index = index;
      return this;
    }

    /** Sets the call id. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Sets the tool type. */
    public Builder type(@Nullable String type) {
      this.type = type;
      return this;
    }

    /** Sets the function called. */
    public Builder function(@Nullable FunctionCall function) {
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

    /** The immutable tool call. */
    public ToolCall build() {
      return new ToolCall(this);
    }
  }
}
