package dev.chatwire.model;

import org.jspecify.annotations.Nullable;

/**
 * Why a choice stopped: {@code stop}, {@code length}, {@code tool_calls}, {@code content_filter}, {@code function_call}, or a provider's own such as {@code error}.
 *
 * <p>An open value: a value this version does not know is kept as it is, never an error. Compare
 * with {@code equals} or the constants; {@link #getValue()} is the JSON text.
 */
public final class FinishReason {
  /** {@code "stop"}. */
  public static final FinishReason STOP = new FinishReason("stop");
  /** {@code "length"}. */
  public static final FinishReason LENGTH = new FinishReason("length");
  /** {@code "tool_calls"}. */
  public static final FinishReason TOOL_CALLS = new FinishReason("tool_calls");
  /** {@code "content_filter"}. */
  public static final FinishReason CONTENT_FILTER = new FinishReason("content_filter");
  /** {@code "function_call"}. */
  public static final FinishReason FUNCTION_CALL = new FinishReason("function_call");

  private final String value;

  private FinishReason(String value) {
    this.value = value;
  }

  /** The constant for {@code value} when there is one, else a new instance holding it. */
  public static FinishReason of(String value) {
    switch (value) {
      case "stop":
        return STOP;
      case "length":
        return LENGTH;
      case "tool_calls":
        return TOOL_CALLS;
      case "content_filter":
        return CONTENT_FILTER;
      case "function_call":
        return FUNCTION_CALL;
      default:
        return new FinishReason(value);
    }
  }

  /** The value as it appears in JSON. */
  public String getValue() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FinishReason && value.equals(((FinishReason) o).value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
