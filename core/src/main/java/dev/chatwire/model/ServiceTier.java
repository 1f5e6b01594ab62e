package dev.chatwire.model;

import org.jspecify.annotations.Nullable;

/**
 * The processing tier of a request or response: {@code auto}, {@code default}, {@code flex}, {@code scale}, {@code priority}, or a provider's own such as Groq's {@code on_demand}.
 *
 * <p>An open value: a value this version does not know is kept as it is, never an error. Compare
 * with {@code equals} or the constants; {@link #getValue()} is the JSON text.
 */
public final class ServiceTier {
  /** {@code "auto"}. */
  public static final ServiceTier AUTO = new ServiceTier("auto");
  /** {@code "default"}. */
  public static final ServiceTier DEFAULT = new ServiceTier("default");
  /** {@code "flex"}. */
  public static final ServiceTier FLEX = new ServiceTier("flex");
  /** {@code "scale"}. */
  public static final ServiceTier SCALE = new ServiceTier("scale");
  /** {@code "priority"}. */
  public static final ServiceTier PRIORITY = new ServiceTier("priority");

  private final String value;

  private ServiceTier(String value) {
    this.value = value;
  }

  /** The constant for {@code value} when there is one, else a new instance holding it. */
  public static ServiceTier of(String value) {
    switch (value) {
      case "auto":
        return AUTO;
      case "default":
        return DEFAULT;
      case "flex":
        return FLEX;
      case "scale":
        return SCALE;
      case "priority":
        return PRIORITY;
      default:
        return new ServiceTier(value);
    }
  }

  /** The value as it appears in JSON. */
  public String getValue() {
    return value;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServiceTier && value.equals(((ServiceTier) o).value);
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
