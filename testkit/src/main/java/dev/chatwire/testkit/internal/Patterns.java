package dev.chatwire.testkit.internal;

/**
 * A deterministic byte sequence for large bodies: byte {@code i} depends only on {@code i}, and
 * neighbours differ, so a dropped, repeated or reordered chunk shows at its position.
 */
public final class Patterns {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Patterns() {}

  /** The byte at position {@code index}. */
  public static byte byteAt(long index) {
    return (byte) ((index * GOLDEN) >>> 56);
  }

  /** Fills {@code out[from, from + count)} with the bytes starting at position {@code index}. */
  public static void fill(long index, byte[] out, int from, int count) {
    long x = index * GOLDEN;
    for (int i = from, end = from + count; i < end; i++) {
      out[i] = (byte) (x >>> 56);
      x += GOLDEN;
    }
  }
}
