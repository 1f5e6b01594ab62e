package dev.chatwire.transport.okhttp.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The read buffers of one transport's wires, kept between exchanges: a stream takes one on its
 * first read and gives it back when its body has been read to the end (or failed on its own
 * thread), so a call costs no 8 KiB array. A buffer of a cancelled wire is not given back (the
 * canceller's thread cannot know whether the reader still looks at it); it is collected instead.
 * At most {@link #SLOTS} are kept; lock-free, any thread.
 */
public final class ReadBuffers {
  static final int SLOTS = 16;
  /** The size of every buffer: one read of OkHttp's body source. */
  public static final int SIZE = 8192;

  /** An empty set of buffers. */
  public ReadBuffers() {}
  private final AtomicReferenceArray<@Nullable ByteBuffer> slots = new AtomicReferenceArray<>(SLOTS);

  /** A buffer of {@link #SIZE} bytes (array-backed), kept or new. */
  public ByteBuffer take() {
    int start = (int) (Thread.currentThread().getId() % SLOTS);
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) % SLOTS;
      ByteBuffer b = slots.get(slot);
      if (b != null && slots.compareAndSet(slot, b, null)) return b;
    }
    return ByteBuffer.wrap(new byte[SIZE]);
  }

  /** Keeps {@code buffer} for a later exchange; nobody may use it after this. */
  public void give(ByteBuffer buffer) {
    int start = (int) (Thread.currentThread().getId() % SLOTS);
    for (int i = 0; i < SLOTS; i++) {
      int slot = (start + i) % SLOTS;
      if (slots.get(slot) == null && slots.compareAndSet(slot, null, buffer)) return;
    }
  }
}
