package dev.chatwire;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;

/**
 * Observes the calls a client makes, for metrics, logs and traces. Every method is a no-op;
 * override what you need. An exception thrown from a method is swallowed so it never breaks a
 * call.
 *
 * <p><b>Order.</b> The events of one call, the same for {@code create}, {@code createAsync},
 * {@code stream} and {@code streamAsync}:
 *
 * <ol>
 *   <li>{@link #callStart(ChatCompletionRequest, HttpRequest)} once (by default it calls {@link
 *       #callStart(HttpRequest)});
 *   <li>per attempt: {@link #attemptStart}, then {@link #responseHeaders} when a head arrives,
 *       then, for a streaming call whose attempt answered 2xx, {@link #chunk} once per chunk in
 *       the order received; {@link #retryScheduled} between two attempts;
 *   <li>exactly one of {@link #callEnd(ChatCompletion)} (by default it calls {@link #callEnd()})
 *       or {@link #callFailed}, last. The caller sees the result or the error only after it
 *       returned.
 * </ol>
 *
 * <p>A call whose first request cannot be built (the key supplier threw) gets {@link #callFailed}
 * alone.
 *
 * <p><b>Threads.</b> Methods run on whichever thread the call is on at that moment: the caller's
 * ({@code callStart}, the first {@code attemptStart}, and with blocking transports the reads), a
 * transport's I/O thread, or the scheduler's (timers, retries). Events that follow one another in
 * the list above happen-before each other, with one exception: a {@code callFailed} caused by a
 * cancellation, a timeout or the total deadline comes from that thread and may overlap an event
 * in progress on another thread, so a listener keeps per-call state in thread-safe fields.
 * Methods must be quick: they run on the path of every chunk. The default methods do nothing and
 * allocate nothing; the shared {@link #NONE} is the default listener.
 *
 * <p>Requests and headers passed here are redacted in {@code toString()}; the raw {@code
 * Authorization} or {@code api-key} value is in them, so a listener never prints a value whose
 * name {@link Headers#isSensitive} reports. {@link LoggingEventListener} logs calls with the key
 * hidden.
 *
 * <pre>{@code
 * ChatWire.builder().eventListener(new EventListener() {
 *   @Override public void callFailed(ChatWireException e) { log.warn("chat failed", e); }
 * });
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * ChatWire.builder().eventListener(object : EventListener() {
 *   override fun callEnd(completion: ChatCompletion) { tokens.add(completion.usage?.totalTokens ?: 0) }
 * })
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

    /**
     * A factory whose calls are observed by the listeners of every one of {@code factories}, in
     * order, such as a {@link LoggingEventListener} and a tracer. A listener that throws keeps an
     * event from no other.
     */
    static Factory all(Factory... factories) {
      return dev.chatwire.internal.CompositeListener.of(factories);
    }
  }

  /**
   * A new call is starting; first event of every call. {@code request} is the request as sent:
   * a streaming call has {@code stream} set and, unless turned off, {@code stream_options} asking
   * for usage. {@code httpRequest} is the first attempt's. By default calls {@link
   * #callStart(HttpRequest)}.
   */
  public void callStart(ChatCompletionRequest request, HttpRequest httpRequest) {
    callStart(httpRequest);
  }

  /** A new call is starting; called by the default {@link #callStart(ChatCompletionRequest, HttpRequest)}. */
  public void callStart(HttpRequest request) {}

  /** Attempt {@code attempt} (1 for the first) is being sent. */
  public void attemptStart(HttpRequest request, int attempt) {}

  /** Response headers arrived for the current attempt, an error status included. */
  public void responseHeaders(int status, Headers headers) {}

  /**
   * A streaming call decoded {@code chunk}, before the caller receives it. The first one marks the
   * time to the first chunk. Not called for a non-streaming call; a server that answered a
   * streaming request with a whole {@code chat.completion} gives one chunk holding all of it.
   * Runs on the thread that decoded the bytes, never concurrently with another {@code chunk}.
   */
  public void chunk(ChatCompletionChunk chunk) {}

  /**
   * A retry will be sent after {@code delay}, because of {@code reason}. The delay is the one the
   * server asked for exactly when {@code reason} is an {@link dev.chatwire.error.ApiException}
   * whose {@link dev.chatwire.error.ApiException#getRetryAfter()} is non-null; otherwise it is
   * ChatWire's own exponential backoff.
   */
  public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {}

  /**
   * The call ended normally with {@code completion}: for a stream, the accumulated one, with the
   * usage when the server sent it. By default calls {@link #callEnd()}.
   */
  public void callEnd(ChatCompletion completion) {
    callEnd();
  }

  /** The call ended normally; called by the default {@link #callEnd(ChatCompletion)}. */
  public void callEnd() {}

  /**
   * The call ended with {@code error}. A stream's error carries what arrived before it in {@link
   * ChatWireException#getPartialCompletion()}.
   */
  public void callFailed(ChatWireException error) {}
}
