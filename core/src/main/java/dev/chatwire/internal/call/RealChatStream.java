package dev.chatwire.internal.call;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.internal.stream.EventIterator;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.StreamEvents;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;

/** The blocking stream: reads happen on the iterating thread. */
public final class RealChatStream implements ChatStream {
  private final RealCall<ChatCompletion> call;
  private final StreamSink sink;
  private final StreamEvents events;
  private final BooleanSupplier queued;
  private boolean iterated;

  /** Wraps a started streaming call; its events read content as plain text. */
  public RealChatStream(RealCall<ChatCompletion> call, StreamSink sink) {
    this(call, sink, new StreamEvents(false));
  }

  /** Wraps a started streaming call whose events come from {@code events}. */
  public RealChatStream(RealCall<ChatCompletion> call, StreamSink sink, StreamEvents events) {
    this.call = call;
    this.sink = sink;
    this.events = events;
    this.queued = () -> !sink.discarding && !sink.queue.isEmpty();
  }

  @Override
  public synchronized Iterator<ChatCompletionChunk> iterator() {
    if (iterated) throw new IllegalStateException("a ChatStream can be iterated once");
    iterated = true;
    return new Iterator<ChatCompletionChunk>() {
      @Override
      public boolean hasNext() {
        // A chunk already queued is taken without the call's lock: most are, since a read
        // delivers several.
        if (queued.getAsBoolean()) return true;
        call.awaitUntil(queued);
        if (queued.getAsBoolean()) return true;
        ChatWireException failure = call.failure();
        if (failure != null) throw failure;
        return false;
      }

      @Override
      public ChatCompletionChunk next() {
        ChatCompletionChunk chunk = sink.discarding ? null : sink.queue.poll();
        if (chunk != null) return chunk;
        if (!hasNext()) throw new NoSuchElementException();
        chunk = sink.queue.poll();
        if (chunk == null) throw new NoSuchElementException();
        return chunk;
      }
    };
  }

  @Override
  public Iterable<String> textDeltas() {
    Iterator<ChatCompletionChunk> chunks = iterator();
    return () -> new Iterator<String>() {
      private final ArrayDeque<String> pending = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (pending.isEmpty() && chunks.hasNext()) {
          for (ChunkChoice choice : chunks.next().getChoices()) {
            Delta delta = choice.getDelta();
            String text = delta == null ? null : delta.getContent();
            if (text != null && !text.isEmpty()) pending.add(text);
          }
        }
        return !pending.isEmpty();
      }

      @Override
      public String next() {
        if (!hasNext()) throw new NoSuchElementException();
        return pending.remove();
      }
    };
  }

  @Override
  public Iterable<StreamEvent> events() {
    Iterator<StreamEvent> it = new EventIterator(iterator(), events, this::getCompletion);
    return () -> it;
  }

  @Override
  public ChatCompletion getCompletion() {
    // From now on chunks are only accumulated; the queue stays the iterating thread's alone.
    sink.discarding = true;
    call.awaitUntil(() -> false);
    ChatWireException failure = call.failure();
    if (failure != null) throw failure;
    ChatCompletion result = call.result();
    return result != null ? result : sink.snapshot();
  }

  @Override
  public ChatCompletion snapshot() {
    return sink.snapshot();
  }

  @Override
  public void close() {
    if (!call.isDone()) call.cancel("the stream was closed");
  }
}
