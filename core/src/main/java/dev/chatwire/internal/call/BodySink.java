package dev.chatwire.internal.call;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the body of a successful response into the call's result. Calls are serialized; each may
 * throw a {@link dev.chatwire.error.ChatWireException} to end the call with it.
 */
public interface BodySink<T> {
  /** A 2xx status line and headers arrived. */
  void onResponse(int status, Headers headers);

  /**
   * The next body bytes (valid only during the call), which arrived at {@code nowNanos} on the
   * call's scheduler clock (read once per body buffer for the idle timer, and shared).
   */
  void onBytes(ByteBuffer bytes, long nowNanos);

  /** The body ended; returns the result. */
  T onEnd();

  /**
   * Whether the body's content is complete before the body itself ended (a stream's {@code
   * [DONE]}); the call then waits only briefly for the end before it finishes.
   */
  default boolean isFinished() {
    return false;
  }

  /** What has been accumulated so far, for a failure to carry; null when nothing yet. */
  @Nullable ChatCompletion partial();
}
