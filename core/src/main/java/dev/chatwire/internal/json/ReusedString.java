package dev.chatwire.internal.json;

import org.jspecify.annotations.Nullable;

/**
 * The last value of a string member that repeats on every stream chunk ({@code id}, {@code
 * model}); the next value's characters are compared with it, and when equal it is used again. No
 * copy of the characters is kept: a thousand streams in flight would hold one per member. See
 * {@link JsonIn#stringOrNullReusing(ReusedString)}. Not thread-safe.
 */
public final class ReusedString {
  @Nullable String value;

  /** The last value read, or null before the first. */
  public @Nullable String value() {
    return value;
  }
}
