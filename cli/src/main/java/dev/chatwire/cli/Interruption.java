package dev.chatwire.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Ctrl-C for one run: the shutdown hook {@link #interrupt()}s, which cancels the running call;
 * the run then ends its output, returns 130 and says {@link #ended()}, and the hook halts the VM
 * once it has.
 */
final class Interruption {
  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int INTERRUPTED = 2;

  private final AtomicInteger state = new AtomicInteger(RUNNING);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile @Nullable Runnable cancel;

  /** What stops the running call; runs at once if the run was already interrupted. */
  void onCancel(Runnable cancel) {
    this.cancel = cancel;
    if (state.get() == INTERRUPTED) cancel.run();
  }

  /** Cancels the running call; false when the run had already finished. */
  boolean interrupt() {
    if (!state.compareAndSet(RUNNING, INTERRUPTED)) return false;
    Runnable c = cancel;
    if (c != null) c.run();
    return true;
  }

  boolean isInterrupted() {
    return state.get() == INTERRUPTED;
  }

  /** The run is over; false when it was interrupted. */
  boolean finish() {
    return state.compareAndSet(RUNNING, FINISHED);
  }

  /** The interrupted run has written its last output. */
  void ended() {
    ended.countDown();
  }

  boolean awaitEnd(long millis) throws InterruptedException {
    return ended.await(millis, TimeUnit.MILLISECONDS);
  }
}
