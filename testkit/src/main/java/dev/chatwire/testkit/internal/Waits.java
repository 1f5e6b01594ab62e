package dev.chatwire.testkit.internal;

import java.time.Duration;
import java.util.function.LongSupplier;

/** Waiting on values the server exposes, for the transport contract. */
public final class Waits {
  private static final long POLL_MILLIS = 50;

  private Waits() {}

  /**
   * Waits until {@code counter} has not moved for {@code quiet}, or {@code limit} has passed or
   * {@code counter} reached {@code end}, and returns its value. Used to judge how far a writer got
   * against a reader that stopped: the writer stalls once the socket buffers are full.
   */
  public static long awaitQuiet(LongSupplier counter, long end, Duration quiet, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    long last = counter.getAsLong();
    long stillSince = System.nanoTime();
    while (System.nanoTime() < deadline && last < end) {
      Thread.sleep(POLL_MILLIS);
      long now = counter.getAsLong();
      if (now != last) {
        last = now;
        stillSince = System.nanoTime();
      } else if (System.nanoTime() - stillSince >= quiet.toNanos()) {
        break;
      }
    }
    return last;
  }
}
