package dev.chatwire.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * A native-order view of the last byte array asked for, to read eight bytes at a time (the SSE
 * decoder's line scan, the chunk reader's head and names): a stream's bytes mostly come in the
 * same array one read or event after the other, so the view is made again only when the array
 * changes, and a transport that reuses its read buffer costs no allocation per read. Keeps that
 * array (unless it is larger than the view was told) until another is asked for or {@link
 * #clear()}. Only for absolute reads. Not thread-safe: one per stream.
 */
public final class WordView {
  /** A view of no bytes; absolute reads only, so one is shared. */
  public static final ByteBuffer NONE = ByteBuffer.allocate(0);

  private final int keptMax;
  private byte @Nullable [] array;
  private ByteBuffer view = NONE;

  /** A view that keeps no array of more than {@code keptMax} bytes. */
  public WordView(int keptMax) {
    this.keptMax = keptMax;
  }

  /** A view of {@code b}. */
  public ByteBuffer of(byte[] b) {
    if (b == array) return view;
    ByteBuffer v = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
    if (b.length <= keptMax) {
      array = b;
      view = v;
    }
    return v;
  }

  /** Lets go of the array viewed last. */
  public void clear() {
    array = null;
    view = NONE;
  }

  /** A view of {@code b} made for it alone. */
  public static ByteBuffer fresh(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
  }
}
