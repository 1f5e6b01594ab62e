package dev.chatwire.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletionChunk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The blocking stream's queue: order across segments, emptiness, clearing, and one producer thread against one consumer thread. */
class ChunkQueueTest {
  private static List<ChatCompletionChunk> chunks(int n) {
    List<ChatCompletionChunk> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) list.add(ChatCompletionChunk.builder().id("c" + i).build());
    return list;
  }

  @Test
  void keepsOrderAcrossSegmentsAndReportsEmptiness() {
    ChunkQueue q = new ChunkQueue();
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.poll()).isNull();
    List<ChatCompletionChunk> in = chunks(ChunkQueue.SEGMENT * 3 + 5);
    List<ChatCompletionChunk> out = new ArrayList<>();
    // Interleaved: add two, take one, so the consumer crosses segments behind the producer.
    int next = 0;
    while (next < in.size()) {
      q.add(in.get(next++));
      if (next < in.size()) q.add(in.get(next++));
      assertThat(q.isEmpty()).isFalse();
      out.add(q.poll());
    }
    ChatCompletionChunk c;
    while ((c = q.poll()) != null) out.add(c);
    assertThat(out).containsExactlyElementsOf(in);
    assertThat(q.isEmpty()).isTrue();
  }

  @Test
  void aConsumerKeepingUpHandsItsEmptiedSegmentsBackForReuse() {
    ChunkQueue q = new ChunkQueue();
    List<ChatCompletionChunk> in = chunks(ChunkQueue.SEGMENT * 50);
    List<ChatCompletionChunk> out = new ArrayList<>();
    for (ChatCompletionChunk c : in) {
      q.add(c);
      out.add(q.poll());
    }
    assertThat(out).containsExactlyElementsOf(in);
    // Fifty segments' worth of chunks in two segments, each reused as the other fills.
    assertThat(q.segmentsMade()).isEqualTo(2);
  }

  @Test
  void clearDropsEverythingAndTheQueueGoesOn() {
    ChunkQueue q = new ChunkQueue();
    List<ChatCompletionChunk> in = chunks(ChunkQueue.SEGMENT + 7);
    for (ChatCompletionChunk c : in) q.add(c);
    q.clear();
    assertThat(q.isEmpty()).isTrue();
    assertThat(q.poll()).isNull();
    q.add(in.get(3));
    assertThat(q.poll()).isSameAs(in.get(3));
  }

  @Test
  void oneProducerThreadAndOneConsumerThreadSeeEveryChunkInOrder() throws Exception {
    ChunkQueue q = new ChunkQueue();
    List<ChatCompletionChunk> in = chunks(200_000);
    CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> {
      for (ChatCompletionChunk c : in) q.add(c);
    });
    List<ChatCompletionChunk> out = new ArrayList<>(in.size());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (out.size() < in.size() && System.nanoTime() < deadline) {
      ChatCompletionChunk c = q.poll();
      if (c == null) Thread.onSpinWait();
      else out.add(c);
    }
    produced.get(30, TimeUnit.SECONDS);
    assertThat(out).hasSize(in.size());
    for (int i = 0; i < in.size(); i++) {
      if (out.get(i) != in.get(i)) throw new AssertionError("chunk " + i + " out of order");
    }
    assertThat(q.isEmpty()).isTrue();
  }
}
