package dev.chatwire.testkit.internal;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One effect the response writer applies when it reaches a body offset: before the status line
 * ({@link #BEFORE_HEADERS}) or after {@code offset} body bytes.
 */
public final class Action {
  /** The offset of an action that runs before the status line is written. */
  public static final long BEFORE_HEADERS = -1;

  /** What the writer does. */
  public enum Kind {
    /** Closes the connection after the bytes written so far have been sent. */
    CLOSE,
    /** Resets the connection (TCP RST): SO_LINGER 0, then close. */
    RESET,
    /** Pauses writing for {@link #nanos}. */
    STALL,
    /** Pauses writing until {@link #gate} runs the resume callback it is given. */
    AWAIT
  }

  final long offset;
  final Kind kind;
  final long nanos;
  final @Nullable Consumer<Runnable> gate;

  private Action(long offset, Kind kind, long nanos, @Nullable Consumer<Runnable> gate) {
    if (offset < BEFORE_HEADERS) throw new IllegalArgumentException("offset < -1: " + offset);
    this.offset = offset;
    this.kind = kind;
    this.nanos = nanos;
    this.gate = gate;
  }

  /** An action that closes or resets the connection. */
  public static Action disconnect(long offset, boolean reset) {
    return new Action(offset, reset ? Kind.RESET : Kind.CLOSE, 0, null);
  }

  /** An action that pauses writing for {@code nanos}. */
  public static Action stall(long offset, long nanos) {
    if (nanos < 0) throw new IllegalArgumentException("negative stall: " + nanos);
    return new Action(offset, Kind.STALL, nanos, null);
  }

  /**
   * An action that pauses writing until {@code gate} runs the callback it receives; the callback
   * may run on any thread, at once or later.
   */
  public static Action await(long offset, Consumer<Runnable> gate) {
    return new Action(offset, Kind.AWAIT, 0, gate);
  }

  /** The same effect at another offset. */
  public Action at(long newOffset) {
    return new Action(newOffset, kind, nanos, gate);
  }

  /** The offset this action runs at. */
  public long offset() {
    return offset;
  }
}
