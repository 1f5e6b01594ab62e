package dev.chatwire.testkit;

import dev.chatwire.testkit.internal.Action;
import java.time.Duration;

/**
 * An effect the server applies at a point in a scripted response, from a fixed set: close the
 * connection, reset it, or stall for a while or until a {@link Gate} opens. Place one with {@link
 * MockResponse#faultBeforeHeaders}, {@link MockResponse#faultAtByte} or {@link
 * MockResponse#faultAtEvent}. Immutable.
 *
 * <pre>{@code
 * MockResponse.sse(chunks).faultAtEvent(3, Fault.close());            // EOF after 3 events
 * MockResponse.patterned(1 << 20).faultAtByte(1000, Fault.reset());   // TCP RST mid-body
 * }</pre>
 */
public final class Fault {
  private final Action prototype;
  private final String description;

  private Fault(Action prototype, String description) {
    this.prototype = prototype;
    this.description = description;
  }

  /**
   * Closes the connection (a TCP FIN, after TLS close_notify) once the bytes before this point
   * have been sent. Over HTTP/2 the whole connection closes.
   */
  public static Fault close() {
    return new Fault(Action.disconnect(0, false), "close");
  }

  /** Resets the connection: TCP RST (SO_LINGER 0); bytes not yet sent may be lost. */
  public static Fault reset() {
    return new Fault(Action.disconnect(0, true), "reset");
  }

  /** Stops writing for {@code duration}, then goes on; the connection stays open. */
  public static Fault stall(Duration duration) {
    return new Fault(Action.stall(0, duration.toNanos()), "stall " + duration);
  }

  /** Stops writing until {@code gate} is released, then goes on. */
  public static Fault stallUntil(Gate gate) {
    return new Fault(Action.await(0, gate::onRelease), "stall until released");
  }

  Action at(long offset) {
    return prototype.at(offset);
  }

  @Override
  public String toString() {
    return "Fault{" + description + '}';
  }
}
