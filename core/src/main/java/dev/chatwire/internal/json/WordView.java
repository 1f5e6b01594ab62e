package dev.chatwire.internal.json;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * A native-order view of the last byte array asked for, to read eight bytes at a time: a stream's
 * events mostly come in the same array one after the other, so the view is made again only when
 * the array changes. Keeps that array (one of at most {@value #KEPT_MAX} bytes) until another is
 * asked for or {@link #clear()}. Only for absolute reads. Not thread-safe: one per stream.
 */
final class WordView {
  /** A view of no bytes; absolute reads only, so one is shared. */
  static final ByteBuffer NONE = ByteBuffer.allocate(0);

  private byte @Nullable [] array;
  private ByteBuffer view = NONE;

  /** Larger arrays are not kept: the SSE decoder lets go of an event's array past this size. */
  static final int KEPT_MAX = 64 * 1024;

  /** A view of {@code b}. */
  ByteBuffer of(byte[] b) {
    if (b == array) return view;
    ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    if (b.length <= KEPT_MAX) {
      array = b;
      view = v;
    }
    return v;
  }

  /** Lets go of the array viewed last. */
  void clear() {
    array = null;
    view = NONE;
  }

  /** A view of {@code b} made for it alone. */
  static ByteBuffer fresh(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
  }
}
