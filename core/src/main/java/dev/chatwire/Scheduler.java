package dev.chatwire;

import dev.chatwire.internal.SystemScheduler;

/**
 * The one source of time for a client: every timer ChatWire runs (retry delays, response-headers,
 * idle-between-reads and total timeouts) reads this clock and schedules on it, so tests can drive
 * time virtually (see {@code dev.chatwire.testkit.VirtualScheduler}).
 *
 * <p>Implementations are thread-safe. Tasks run on the scheduler's own thread and must be short:
 * ChatWire's tasks only cancel an exchange or start the next attempt.
 *
 * <pre>{@code
 * ChatWire client = ChatWire.builder().scheduler(Scheduler.system()).build();
 * }</pre>
 */
public interface Scheduler {

  /** A monotonic time in nanoseconds, comparable only with other values from this scheduler. */
  long nanoTime();

  /** Runs {@code task} once, {@code delayNanos} from now; the returned handle cancels it. */
  Cancellable schedule(Runnable task, long delayNanos);

  /** A scheduled task that can be withdrawn. */
  @FunctionalInterface
  interface Cancellable {
    /** Withdraws the task if it has not started; idempotent. */
    void cancel();
  }

  /**
   * The real-time scheduler: {@link System#nanoTime()} and one shared daemon thread, started on
   * first use.
   */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }
}
