package dev.chatwire.model;

import org.jspecify.annotations.Nullable;

/**
 * How hard a reasoning model thinks before it answers: {@code none}, {@code minimal}, {@code low},
 * {@code medium}, {@code high}, {@code xhigh}, or a provider's own.
 *
 * <p>An open value: a value this version does not know is kept as it is, never an error. Compare
 * with {@code equals} or the constants; {@link #getValue()} is the JSON text.
 */
public final class ReasoningEffort {
  /** {@code "none"}. */
  public static final ReasoningEffort NONE = new ReasoningEffort("none");
  /** {@code "minimal"}. */
  public static final ReasoningEffort MINIMAL = new ReasoningEffort("minimal");
  /** {@code "low"}. */
  public static final ReasoningEffort LOW = new ReasoningEffort("low");
  /** {@code "medium"}. */
  public static final ReasoningEffort MEDIUM = new ReasoningEffort("medium");
  /** {@code "high"}. */
  public static final ReasoningEffort HIGH = new ReasoningEffort("high");
  /** {@code "xhigh"}. */
  public static final ReasoningEffort XHIGH = new ReasoningEffort("xhigh");

  private final String value;

  private ReasoningEffort(String value) {
    this.value = value;
  }

  /** The constant for {@code value} when there is one, else a new instance holding it. */
  public static ReasoningEffort of(String value) {
    switch (value) {
      case "none":
        return NONE;
      case "minimal":
        return MINIMAL;
      case "low":
        return LOW;
      case "medium":
        return MEDIUM;
      case "high":
        return HIGH;
      case "xhigh":
        return XHIGH;
      default:
        return new ReasoningEffort(value);
    }
  }

  /** The value as it appears in JSON. */
  public String getValue() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ReasoningEffort && value.equals(((ReasoningEffort) o).value);
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
