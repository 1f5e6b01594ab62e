package dev.chatwire.internal;

import dev.chatwire.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Real time on one shared daemon thread, made for timers that are almost always cancelled: every
 * call arms a connect, a response-head and an idle timer, and nearly none of them fires.
 *
 * <ul>
 *   <li><b>Arming rarely wakes the thread.</b> While any timer is pending the thread wakes at
 *       least every {@link #TICK_NANOS} (one second), so a new timer due later than the thread's
 *       next wake-up is only queued; a general-purpose scheduler wakes its thread whenever a new
 *       task becomes the earliest, which for a client making one call after another is every
 *       call. The thread is signalled only for a timer due before it wakes anyway. Each timer
 *       still runs at its own time, not rounded to the tick.
 *   <li><b>Cancelling is a flag.</b> A cancelled timer stays queued until it comes first, or
 *       until cancelled timers are half the queue, which then drops them all: so the queue holds
 *       at most about twice the live timers.
 *   <li><b>Idle means parked.</b> After a tick with nothing queued the thread parks until the next
 *       timer is armed: nothing wakes a process (an Android app) that makes no calls.
 * </ul>
 */
public final class SystemScheduler implements Scheduler {
  /** The shared instance. */
  public static final SystemScheduler INSTANCE = new SystemScheduler();

  /** The longest the thread sleeps while any timer is queued. */
  static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  // Guarded by lock.
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private long sequence;
  private int cancelled;
  private @Nullable Thread thread;
  /** When the sleeping thread wakes by itself; Long.MAX_VALUE: parked until signalled. */
  private long wakeAt;
  private boolean sleeping;
  private boolean stopped;
  /** Times arming a timer woke the thread; for tests. */
  private long signals;

  SystemScheduler() {}

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    long now = System.nanoTime();
    Timer t;
    lock.lock();
    try {
      // Clamped (73 years) so that now + delay cannot overflow into the past.
      long delay = Math.min(Math.max(0, delayNanos), Long.MAX_VALUE >> 2);
      t = new Timer(this, task, now + delay, sequence++);
      queue.add(t);
      if (thread == null) {
        Thread th = new Thread(this::loop, "chatwire-scheduler");
        th.setDaemon(true);
        thread = th;
        th.start();
      } else if (sleeping && (wakeAt == Long.MAX_VALUE || t.due - wakeAt < 0)) {
        sleeping = false;
        signals++;
        wake.signal();
      }
    } finally {
      lock.unlock();
    }
    return t;
  }

  /** Times arming a timer had to wake the thread. */
  long signals() {
    lock.lock();
    try {
      return signals;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the thread sleeps: until {@code parked} (signalled only) or its next wake-up. */
  boolean isSleeping(boolean parked) {
    lock.lock();
    try {
      return sleeping && (wakeAt == Long.MAX_VALUE) == parked;
    } finally {
      lock.unlock();
    }
  }

  /** Timers in the queue, cancelled ones included. */
  int queued() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Ends the thread (tests' own instances only); queued timers never run. */
  void stop() {
    lock.lock();
    try {
      stopped = true;
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  private void cancelled(Timer t) {
    lock.lock();
    try {
      if (!t.queued || t.counted) return;
      t.counted = true;
      cancelled++;
      if (cancelled > 64 && cancelled > queue.size() / 2) purge();
    } finally {
      lock.unlock();
    }
  }

  // Guarded by lock.
  private void purge() {
    List<Timer> live = new ArrayList<>(queue.size());
    for (Timer t : queue) {
      if (t.isCancelled()) t.queued = false;
      else live.add(t);
    }
    queue.clear();
    queue.addAll(live);
    cancelled = 0;
  }

  // Guarded by lock.
  private void dequeued(Timer t) {
    t.queued = false;
    if (t.counted) cancelled--;
  }

  private void loop() {
    boolean idleTick = false;
    while (true) {
      Timer due = null;
      lock.lock();
      try {
        if (stopped) return;
        long now = System.nanoTime();
        Timer head;
        while ((head = queue.peek()) != null && head.isCancelled()) {
          queue.poll();
          dequeued(head);
        }
        if (head != null && head.due - now <= 0) {
          due = queue.poll();
          dequeued(head);
          idleTick = false;
        } else {
          long sleep;
          if (head != null) {
            sleep = Math.min(head.due - now, TICK_NANOS);
            idleTick = false;
          } else if (!idleTick) {
            sleep = TICK_NANOS; // stay awake-able for a tick: calls tend to follow calls
            idleTick = true;
          } else {
            sleep = Long.MAX_VALUE;
          }
          wakeAt = sleep == Long.MAX_VALUE ? Long.MAX_VALUE : now + sleep;
          sleeping = true;
          long armedBefore = sequence;
          try {
            if (sleep == Long.MAX_VALUE) wake.await();
            else wake.awaitNanos(sleep);
          } catch (InterruptedException e) {
            // Nobody interrupts this thread; carry on.
          }
          sleeping = false;
          if (sequence != armedBefore) idleTick = false; // armed during the tick: not idle
        }
      } finally {
        lock.unlock();
      }
      if (due != null) due.run();
    }
  }

  /** One armed task. */
  private static final class Timer implements Cancellable, Comparable<Timer> {
    private final SystemScheduler owner;
    private final Runnable task;
    final long due;
    private final long order;
    private volatile boolean cancelled;
    // Guarded by the owner's lock: still in the queue; counted among its cancelled timers.
    boolean queued = true;
    boolean counted;

    Timer(SystemScheduler owner, Runnable task, long due, long order) {
      this.owner = owner;
      this.task = task;
      this.due = due;
      this.order = order;
    }

    boolean isCancelled() {
      return cancelled;
    }

    @Override
    public void cancel() {
      if (cancelled) return;
      cancelled = true;
      owner.cancelled(this);
    }

    void run() {
      if (cancelled) return;
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
      }
    }

    @Override
    public int compareTo(Timer o) {
      long d = due - o.due;
      if (d != 0) return d < 0 ? -1 : 1;
      return Long.compare(order, o.order);
    }
  }
}
