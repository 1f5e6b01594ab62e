package dev.chatwire.testkit;

import dev.chatwire.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose clock moves only when a test calls {@link #advance}: retry delays and
 * timeouts are tested without sleeping. Due tasks run on the thread that advances the clock, in
 * time order. Thread-safe.
 *
 * <pre>{@code
 * VirtualScheduler time = new VirtualScheduler();
 * ChatWire client = ChatWire.builder().scheduler(time).build();
 * time.advance(Duration.ofSeconds(2)); // fires the retry scheduled 2 s from now
 * }</pre>
 */
public final class VirtualScheduler implements Scheduler {
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private long now;
  private long sequence;

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, long delayNanos) {
    Task t = new Task(now + Math.max(0, delayNanos), sequence++, task);
    tasks.add(t);
    return () -> {
      synchronized (VirtualScheduler.this) {
        tasks.remove(t);
      }
    };
  }

  /** Moves the clock forward, running every task that falls due, in order, on this thread. */
  public void advance(Duration duration) {
    long target;
    synchronized (this) {
      target = now + duration.toNanos();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.at > target) {
          now = target;
          return;
        }
        tasks.poll();
        now = next.at;
      }
      next.task.run();
    }
  }

  /** The delays from now of the tasks waiting to run, soonest first. */
  public synchronized List<Duration> pendingDelays() {
    List<Task> sorted = new ArrayList<>(tasks);
    sorted.sort(null);
    List<Duration> out = new ArrayList<>();
    for (Task t : sorted) out.add(Duration.ofNanos(t.at - now));
    return out;
  }

  private static final class Task implements Comparable<Task> {
    final long at;
    final long seq;
    final Runnable task;

    Task(long at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public int compareTo(Task o) {
      int c = Long.compare(at, o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }
}
