package dev.chatwire.internal.json;

import org.jspecify.annotations.Nullable;

/**
 * The last value of a string member that repeats on every stream chunk ({@code id}, {@code
 * model}), with a copy of its characters so the next value is compared without touching the
 * String. See {@link JsonIn#stringOrNullReusing(ReusedString)}. Not thread-safe.
 */
public final class ReusedString {
  private static final char[] NONE = new char[0];

  @Nullable String value;
  char[] chars = NONE;

  /** The last value read, or null before the first. */
  public @Nullable String value() {
    return value;
  }
}
