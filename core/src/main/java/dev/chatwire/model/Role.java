package dev.chatwire.model;

import org.jspecify.annotations.Nullable;

/**
 * The author of a message: {@code system}, {@code developer}, {@code user}, {@code assistant}, {@code tool}, or a provider's own.
 *
 * <p>An open value: a value this version does not know is kept as it is, never an error. Compare
 * with {@code equals} or the constants; {@link #getValue()} is the JSON text.
 */
public final class Role {
  /** {@code "system"}. */
  public static final Role SYSTEM = new Role("system");
  /** {@code "developer"}. */
  public static final Role DEVELOPER = new Role("developer");
  /** {@code "user"}. */
  public static final Role USER = new Role("user");
  /** {@code "assistant"}. */
  public static final Role ASSISTANT = new Role("assistant");
  /** {@code "tool"}. */
  public static final Role TOOL = new Role("tool");
  /** {@code "function"}. */
  public static final Role FUNCTION = new Role("function");

  private final String value;

  private Role(String value) {
    this.value = value;
  }

  /** The constant for {@code value} when there is one, else a new instance holding it. */
  public static Role of(String value) {
    switch (value) {
      case "system":
        return SYSTEM;
      case "developer":
        return DEVELOPER;
      case "user":
        return USER;
      case "assistant":
        return ASSISTANT;
      case "tool":
        return TOOL;
      case "function":
        return FUNCTION;
      default:
        return new Role(value);
    }
  }

  /** The value as it appears in JSON. */
  public String getValue() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Role && value.equals(((Role) o).value);
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
