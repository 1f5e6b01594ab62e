package dev.chatwire;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;

/**
 * Observes the calls a client makes, for metrics and logs. Every method is a no-op; override what
 * you need. Methods run on whichever thread the call is on at that moment (the caller's, a
 * transport's I/O thread, the scheduler's) and must be quick; an exception thrown from a method is
 * swallowed so it never breaks a stream.
 *
 * <p>Per call: {@link #callStart}, then per attempt {@link #attemptStart} and, when headers
 * arrive, {@link #responseHeaders}; between attempts {@link #retryScheduled}; finally exactly one
 * of {@link #callEnd} or {@link #callFailed}. Requests passed here are redacted in {@code
 * toString()}.
 *
 * <pre>{@code
 * ChatWire.builder().eventListener(new EventListener() {
 *   @Override public void callFailed(ChatWireException e) { log.warn("chat failed", e); }
 * });
 * }</pre>
 */
public abstract class EventListener {
  /** A listener that does nothing. */
  public static final EventListener NONE = new EventListener() {};

  /** Creates one listener per call, for listeners that keep per-call state such as timings. */
  @FunctionalInterface
  public interface Factory {
    /** The listener of the call that sends {@code request}. */
    EventListener create(ChatCompletionRequest request);
  }

  /** A new call is starting. */
  public void callStart(HttpRequest request) {}

  /** Attempt {@code attempt} (1 for the first) is being sent. */
  public void attemptStart(HttpRequest request, int attempt) {}

  /** Response headers arrived for the current attempt. */
  public void responseHeaders(int status, Headers headers) {}

  /**
   * A retry will be sent after {@code delay}, because of {@code reason}. The delay is the one the
   * server asked for exactly when {@code reason} is an {@link dev.chatwire.error.ApiException}
   * whose {@link dev.chatwire.error.ApiException#getRetryAfter()} is non-null; otherwise it is
   * ChatWire's own exponential backoff.
   */
  public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {}

  /** The call ended normally. */
  public void callEnd() {}

  /** The call ended with {@code error}. */
  public void callFailed(ChatWireException error) {}
}
