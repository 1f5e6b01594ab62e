package dev.chatwire.internal;

import dev.chatwire.EventListener;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands every event to several listeners in order; one that throws does not keep the event from
 * the others. It overrides every method of {@link EventListener}, so each listener's own defaults
 * decide what a two-argument event means to it.
 */
public final class CompositeListener extends EventListener {
  private final EventListener[] listeners;

  private CompositeListener(EventListener[] listeners) {
    this.listeners = listeners;
  }

  /** A factory whose listeners are those of {@code factories}, in order; NONE ones left out. */
  public static EventListener.Factory of(EventListener.Factory... factories) {
    EventListener.Factory[] copy = factories.clone();
    for (EventListener.Factory f : copy) {
      if (f == null) throw new NullPointerException("factory");
    }
    return request -> {
      List<EventListener> made = new ArrayList<>(copy.length);
      for (EventListener.Factory f : copy) {
        EventListener l = f.create(request);
        if (l != NONE) made.add(l);
      }
      if (made.isEmpty()) return NONE;
      if (made.size() == 1) return made.get(0);
      return new CompositeListener(made.toArray(new EventListener[0]));
    };
  }

  /** An event, handed to one listener. */
  private interface Event {
    void to(EventListener l);
  }

  private void each(Event e) {
    for (EventListener l : listeners) {
      try {
        e.to(l);
      } catch (RuntimeException ignored) {
        // One listener's failure keeps the event from no other.
      }
    }
  }

  @Override
  public void callStart(ChatCompletionRequest request, HttpRequest httpRequest) {
    each(l -> l.callStart(request, httpRequest));
  }

  @Override
  public void callStart(HttpRequest request) {
    each(l -> l.callStart(request));
  }

  @Override
  public void attemptStart(HttpRequest request, int attempt) {
    each(l -> l.attemptStart(request, attempt));
  }

  @Override
  public void responseHeaders(int status, Headers headers) {
    each(l -> l.responseHeaders(status, headers));
  }

  @Override
  public void chunk(ChatCompletionChunk chunk) {
    for (EventListener l : listeners) {
      try {
        l.chunk(chunk); // on every chunk: no lambda
      } catch (RuntimeException ignored) {
        // One listener's failure keeps the event from no other.
      }
    }
  }

  @Override
  public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
    each(l -> l.retryScheduled(nextAttempt, delay, reason));
  }

  @Override
  public void callEnd(ChatCompletion completion) {
    each(l -> l.callEnd(completion));
  }

  @Override
  public void callEnd() {
    each(EventListener::callEnd);
  }

  @Override
  public void callFailed(ChatWireException error) {
    each(l -> l.callFailed(error));
  }
}
