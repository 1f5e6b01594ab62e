package dev.chatwire.internal.call;

import dev.chatwire.model.ChatCompletionChunk;
import org.jspecify.annotations.Nullable;

/**
 * The chunks a blocking stream's sink has read and its iterator has not taken yet: one producer
 * (the sink, whose calls the exchange driver never overlaps, each ordered after the last by the
 * driver's lock, whatever thread makes it) and one consumer (the iterating thread). Chunks sit in
 * arrays of {@value #SEGMENT} linked one after the other, so adding one costs a store and a
 * volatile write, no node object and no compare-and-set. A segment the consumer has emptied is
 * handed back for the producer's next one (one spare at a time), so that a long stream allocates
 * no segments once it runs: a new one per 32 chunks was about 5 bytes a chunk.
 */
final class ChunkQueue {
  static final int SEGMENT = 32;

  private static final class Segment {
    final @Nullable ChatCompletionChunk[] items = new ChatCompletionChunk[SEGMENT];
    volatile @Nullable Segment next;
  }

  /** How many chunks were ever added; written by the producer only. */
  private volatile long added;
  /**
   * The first segment, made with the first chunk (an async stream never queues one, and a
   * waiting stream holds no array); published to the consumer by that chunk's write of added.
   */
  private @Nullable Segment first;
  /** An emptied segment for the producer to reuse: set by the consumer, taken by the producer. */
  private volatile @Nullable Segment spare;
  // The producer's.
  private @Nullable Segment tail;
  private int tailIndex;
  /** How many segments the producer made (rather than reused). */
  private int segmentsMade;
  // The consumer's.
  private @Nullable Segment head;
  private int headIndex;
  private long taken;

  /** Adds {@code chunk}; the producer only. */
  void add(ChatCompletionChunk chunk) {
    Segment t = tail;
    if (t == null) {
      t = tail = first = new Segment();
      segmentsMade++;
    }
    t.items[tailIndex] = chunk;
    if (++tailIndex == SEGMENT) {
      Segment next = spare;
      if (next != null) {
        spare = null;
      } else {
        next = new Segment();
        segmentsMade++;
      }
      t.next = next;
      tail = next;
      tailIndex = 0;
    }
    added = added + 1; // the volatile write that publishes the chunk (and a new segment)
  }

  /** How many segments were made rather than reused; the producer only. */
  int segmentsMade() {
    return segmentsMade;
  }

  /** Whether nothing is left to take; the consumer only. */
  boolean isEmpty() {
    return taken == added;
  }

  /** Takes the oldest chunk, or null if none is left; the consumer only. */
  @Nullable ChatCompletionChunk poll() {
    if (taken == added) return null;
    Segment h = head;
    if (h == null) {
      h = head = first;
      if (h == null) throw new IllegalStateException("a chunk without a segment");
    }
    ChatCompletionChunk chunk = h.items[headIndex];
    h.items[headIndex] = null;
    if (++headIndex == SEGMENT) {
      Segment next = h.next;
      if (next == null) throw new IllegalStateException("a full segment without a next");
      head = next;
      headIndex = 0;
      // The producer left h when it filled it, and every slot was taken (and cleared): reusable.
      h.next = null;
      spare = h;
    }
    taken++;
    return chunk;
  }

  /** Drops every chunk left; the consumer only. */
  void clear() {
    while (poll() != null) {
      // dropped
    }
  }
}
