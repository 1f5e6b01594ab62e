package dev.chatwire.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-shot gate a test opens to let the server go on: a response scripted with {@link
 * Fault#stallUntil(Gate)} holds its next bytes until {@link #release()}. Thread-safe.
 *
 * <pre>{@code
 * Gate gate = new Gate();
 * server.enqueue(MockResponse.sse(first, second).faultAtEvent(1, Fault.stallUntil(gate)));
 * // ... once the client has delivered the first event:
 * gate.release();
 * }</pre>
 */
public final class Gate {
  private final List<Runnable> waiters = new ArrayList<>();
  private boolean released;

  /** A closed gate. */
  public Gate() {}

  /** Opens the gate and runs the waiting actions on this thread; idempotent. */
  public void release() {
    List<Runnable> run;
    synchronized (this) {
      if (released) return;
      released = true;
      run = new ArrayList<>(waiters);
      waiters.clear();
    }
    for (Runnable action : run) {
      action.run();
    }
  }

  /** Whether {@link #release()} was called. */
  public synchronized boolean isReleased() {
    return released;
  }

  /**
   * Runs {@code action} once the gate is released: at once on this thread if it already is,
   * otherwise on the thread that releases it. The action must not block.
   */
  public void onRelease(Runnable action) {
    synchronized (this) {
      if (!released) {
        waiters.add(action);
        return;
      }
    }
    action.run();
  }
}
