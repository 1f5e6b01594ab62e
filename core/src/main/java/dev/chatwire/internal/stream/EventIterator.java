package dev.chatwire.internal.stream;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.StreamEvents;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The events of a blocking stream: pulls chunks one at a time on the iterating thread, and at
 * the end asks for the completion (which then needs no more reading).
 */
public final class EventIterator implements Iterator<StreamEvent> {
  private final Iterator<ChatCompletionChunk> chunks;
  private final StreamEvents events;
  private final Supplier<ChatCompletion> completion;
  private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
  private boolean finished;

  /** Events of {@code chunks}, ended with {@code completion}. */
  public EventIterator(
      Iterator<ChatCompletionChunk> chunks,
      StreamEvents events,
      Supplier<ChatCompletion> completion) {
    this.chunks = chunks;
    this.events = events;
    this.completion = completion;
  }

  @Override
  public boolean hasNext() {
    while (pending.isEmpty() && !finished) {
      if (chunks.hasNext()) {
        events.add(chunks.next(), pending::add);
      } else {
        finished = true;
        events.finish(completion.get(), pending::add);
      }
    }
    return !pending.isEmpty();
  }

  @Override
  public StreamEvent next() {
    if (!hasNext()) throw new NoSuchElementException();
    return pending.remove();
  }
}
