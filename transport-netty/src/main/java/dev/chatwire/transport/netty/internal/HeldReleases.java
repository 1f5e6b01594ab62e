package dev.chatwire.transport.netty.internal;

import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;

/**
 * Contents an exchange's driver is done with on a thread other than the connection's event loop,
 * held to be released on the loop. A pooled buffer released on another thread goes back to its
 * pool through a queue shared with the loop (a compare-and-set on a contended line each time: 9 %
 * of a blocking stream's reading thread in a profile of one fast stream); released on its own
 * loop it does not. At most {@value #MAX} are held; once {@link #releaseAll} was told the last
 * time (the exchange ended or was cancelled), none. Thread-safe.
 */
final class HeldReleases {
  static final int MAX = 64;

  // Guarded by itself, as is closed.
  private final ArrayList<Object> held = new ArrayList<>();
  private boolean closed;

  /** Holds {@code token}; false when it is not held, and the caller releases it at once. */
  boolean hold(Object token) {
    synchronized (held) {
      if (closed || held.size() >= MAX) return false;
      held.add(token);
      return true;
    }
  }

  /** Releases every held token, here; {@code last}: hold none from now on. */
  void releaseAll(boolean last) {
    Object[] tokens;
    synchronized (held) {
      if (last) closed = true;
      if (held.isEmpty()) return;
      tokens = held.toArray();
      held.clear();
    }
    for (Object token : tokens) ReferenceCountUtil.release(token);
  }
}
