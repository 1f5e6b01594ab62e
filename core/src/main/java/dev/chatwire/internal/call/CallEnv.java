package dev.chatwire.internal.call;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.Timeouts;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** What one call needs from its client: where to send, how long to wait, when to retry. */
public final class CallEnv {
  final Transport transport;
  final Scheduler scheduler;
  final Timeouts timeouts;
  final RetryPolicy retryPolicy;
  final EventListener listener;
  /**
   * Builds the request of each attempt afresh (a rotating key is read per attempt); null once no
   * attempt can follow (see {@link #noMoreAttempts()}).
   */
  private volatile @Nullable Supplier<HttpRequest> request;
  /** Hides the caller's key wherever an error body echoed it. */
  final UnaryOperator<String> mask;
  /**
   * The request as sent, for the listener's {@code callStart}; null in tests of the machinery, and
   * once no attempt can follow.
   */
  volatile @Nullable ChatCompletionRequest chatRequest;

  /** Creates the environment of one call. */
  public CallEnv(
      Transport transport,
      Scheduler scheduler,
      Timeouts timeouts,
      RetryPolicy retryPolicy,
      EventListener listener,
      Supplier<HttpRequest> request) {
    this(transport, scheduler, timeouts, retryPolicy, listener, request, UnaryOperator.identity(),
        null);
  }

  /**
   * Creates the environment of one call that sends {@code chatRequest}, with the mask for echoed
   * keys.
   */
  public CallEnv(
      Transport transport,
      Scheduler scheduler,
      Timeouts timeouts,
      RetryPolicy retryPolicy,
      EventListener listener,
      Supplier<HttpRequest> request,
      UnaryOperator<String> mask,
      @Nullable ChatCompletionRequest chatRequest) {
    this.chatRequest = chatRequest;
    this.mask = mask;
    this.transport = transport;
    this.scheduler = scheduler;
    this.timeouts = timeouts;
    this.retryPolicy = retryPolicy;
    this.listener = listener;
    this.request = request;
  }

  /** The next attempt's request. */
  HttpRequest nextRequest() {
    Supplier<HttpRequest> r = request;
    if (r == null) throw new IllegalStateException("no attempt may follow a successful response");
    return r.get();
  }

  /**
   * Drops what only a further attempt would need (the encoded body, the typed request): a 2xx head
   * arrived, after which nothing is retried, so a long stream does not keep them.
   */
  void noMoreAttempts() {
    request = null;
    chatRequest = null;
  }
}
