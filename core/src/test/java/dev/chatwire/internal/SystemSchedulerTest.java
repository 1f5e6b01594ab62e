package dev.chatwire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.Scheduler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SystemSchedulerTest {
  private final SystemScheduler scheduler = new SystemScheduler();

  @AfterEach
  void stop() {
    scheduler.stop();
  }

  @Test
  void timersRunInTheOrderTheyAreDueNotTheOrderTheyWereArmed() throws Exception {
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch all = new CountDownLatch(3);
    scheduler.schedule(() -> { ran.add(3); all.countDown(); }, TimeUnit.MILLISECONDS.toNanos(60));
    scheduler.schedule(() -> { ran.add(1); all.countDown(); }, TimeUnit.MILLISECONDS.toNanos(20));
    scheduler.schedule(() -> { ran.add(2); all.countDown(); }, TimeUnit.MILLISECONDS.toNanos(40));
    assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly(1, 2, 3);
  }

  @Test
  void aTimerRunsNoEarlierThanItsDelayEvenWhenTheThreadIsAwake() throws Exception {
    long delay = TimeUnit.MILLISECONDS.toNanos(50);
    long[] ranAt = new long[1];
    CountDownLatch done = new CountDownLatch(1);
    long armed = System.nanoTime();
    scheduler.schedule(() -> { ranAt[0] = System.nanoTime(); done.countDown(); }, delay);
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ranAt[0] - armed).isGreaterThanOrEqualTo(delay);
  }

  @Test
  void aCancelledTimerNeverRunsAndALaterOneStill() throws Exception {
    CountDownLatch later = new CountDownLatch(1);
    boolean[] cancelledRan = new boolean[1];
    Scheduler.Cancellable c =
        scheduler.schedule(() -> cancelledRan[0] = true, TimeUnit.MILLISECONDS.toNanos(20));
    scheduler.schedule(later::countDown, TimeUnit.MILLISECONDS.toNanos(80));
    c.cancel();
    c.cancel(); // idempotent
    assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
    // The later timer ran on the same thread after the cancelled one's time: it would have run.
    assertThat(cancelledRan[0]).isFalse();
  }

  @Test
  void armingATimerDueAfterTheThreadsNextWakeUpDoesNotWakeIt() throws Exception {
    // With a timer pending (a stream's idle timer), the thread sleeps at most one tick: timers
    // due later are only queued, as the connect and head timers of call after call are.
    scheduler.schedule(() -> { }, TimeUnit.SECONDS.toNanos(60));
    awaitSleeping(false);
    long before = scheduler.signals();
    for (int i = 0; i < 1_000; i++) {
      Scheduler.Cancellable connect = scheduler.schedule(() -> { }, TimeUnit.SECONDS.toNanos(10));
      Scheduler.Cancellable head = scheduler.schedule(() -> { }, TimeUnit.SECONDS.toNanos(60));
      connect.cancel();
      head.cancel();
    }
    assertThat(scheduler.signals() - before).isZero();
    // Cancelled timers do not pile up: at most about twice the live ones, or the purge floor.
    assertThat(scheduler.queued()).isLessThanOrEqualTo(130);
  }

  @Test
  void aTimerDueBeforeTheNextWakeUpWakesTheThreadAndRunsOnTime() throws Exception {
    scheduler.schedule(() -> { }, TimeUnit.SECONDS.toNanos(30)); // thread sleeps a tick
    awaitSleeping(false);
    CountDownLatch soon = new CountDownLatch(1);
    long armed = System.nanoTime();
    scheduler.schedule(soon::countDown, TimeUnit.MILLISECONDS.toNanos(5));
    // Due well before the tick ends: only a signal can make it run this early.
    assertThat(soon.await(900, TimeUnit.MILLISECONDS)).isTrue();
    assertThat(System.nanoTime() - armed).isLessThan(SystemScheduler.TICK_NANOS);
    assertThat(scheduler.signals()).isPositive();
  }

  @Test
  void anIdleThreadParksAndTheNextTimerStillRuns() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    scheduler.schedule(first::countDown, 0);
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    // After a tick with nothing armed the thread parks until signalled.
    awaitSleeping(true);
    CountDownLatch next = new CountDownLatch(1);
    long before = scheduler.signals();
    scheduler.schedule(next::countDown, TimeUnit.MILLISECONDS.toNanos(5));
    assertThat(next.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.signals()).isEqualTo(before + 1);
  }

  @Test
  void aDelayTooLongToAddToTheClockNeverComesDue() throws Exception {
    boolean[] ran = new boolean[1];
    scheduler.schedule(() -> ran[0] = true, Long.MAX_VALUE);
    CountDownLatch later = new CountDownLatch(1);
    scheduler.schedule(later::countDown, TimeUnit.MILLISECONDS.toNanos(20));
    assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
    // The timer thread has run everything due by now; an overflowed deadline would have been.
    assertThat(ran[0]).isFalse();
  }

  @Test
  void aThrowingTimerDoesNotStopTheOthers() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> { });
    try {
      scheduler.schedule(() -> { throw new IllegalStateException("boom"); }, 0);
      scheduler.schedule(after::countDown, TimeUnit.MILLISECONDS.toNanos(10));
      assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
  }

  /** Waits until the timer thread sleeps, parked or timed (a state, polled). */
  private void awaitSleeping(boolean parked) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!scheduler.isSleeping(parked) && System.nanoTime() < end) Thread.sleep(1);
    assertThat(scheduler.isSleeping(parked)).isTrue();
  }
}
