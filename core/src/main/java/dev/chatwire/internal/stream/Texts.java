package dev.chatwire.internal.stream;

import org.jspecify.annotations.Nullable;

/** Small helpers for the text a stream sends in pieces. */
public final class Texts {
  private Texts() {}

  /** Appends a non-null piece, creating the builder on the first one; returns the builder. */
  static @Nullable PieceText append(@Nullable PieceText to, @Nullable String piece) {
    if (piece == null) return to;
    if (to == null) to = new PieceText();
    to.append(piece);
    return to;
  }

  /** The text, or null when no piece came. */
  static @Nullable String text(@Nullable PieceText b) {
    return b == null ? null : b.text();
  }

  /**
   * The value to keep for a member that comes once (an id, a type, a name): the first non-empty
   * one, else the first one.
   */
  public static @Nullable String firstNonEmpty(@Nullable String held, @Nullable String next) {
    if (held == null || (held.isEmpty() && next != null && !next.isEmpty())) return next;
    return held;
  }
}
