package dev.chatwire.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * Native-order views of the last two byte arrays asked for, to read eight bytes at a time (the
 * SSE decoder's line scan, the chunk reader's head and names): a stream's bytes mostly come in the
 * same array one read or event after the other, so a view is made again only when the array
 * changes, and a transport that reuses its read buffer costs no allocation per read. Two, because
 * events alternate between two arrays: the one the decoder is fed, and its own for an event a
 * read cut. Keeps those arrays (none larger than the view was told) until others are asked for or
 * {@link #clear()}. Only for absolute reads. Not thread-safe: one per stream.
 */
public final class WordView {
  /** A view of no bytes; absolute reads only, so one is shared. */
  public static final ByteBuffer NONE = ByteBuffer.allocate(0);

  private final int keptMax;
  private byte @Nullable [] array;
  private ByteBuffer view = NONE;
  private byte @Nullable [] before; // the array viewed before, and its view
  private ByteBuffer beforeView = NONE;

  /** A view that keeps no array of more than {@code keptMax} bytes. */
  public WordView(int keptMax) {
    this.keptMax = keptMax;
  }

  /** A view of {@code b}. */
  public ByteBuffer of(byte[] b) {
    if (b == array) return view;
    ByteBuffer v;
    if (b == before) {
      v = beforeView;
    } else {
      v = fresh(b);
      if (b.length > keptMax) return v;
    }
    before = array;
    beforeView = view;
    array = b;
    view = v;
    return v;
  }

  /** Lets go of the arrays. */
  public void clear() {
    array = null;
    view = NONE;
    before = null;
    beforeView = NONE;
  }

  /** A view of {@code b} made for it alone. */
  public static ByteBuffer fresh(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
  }
}
