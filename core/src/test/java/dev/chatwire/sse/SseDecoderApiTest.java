package dev.chatwire.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder's life cycle, argument checks and the {@code [DONE]} helper. */
class SseDecoderApiTest {
  private static final byte[] EVENT = "data: a\n\n".getBytes(StandardCharsets.UTF_8);

  @Test
  void feedingAfterTheEndFails() {
    SseDecoder decoder = new SseDecoder(new Recorder());
    decoder.end();
    assertThatThrownBy(() -> decoder.feed(EVENT, 0, EVENT.length))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ended");
  }

  @Test
  void endingTwiceIsHarmless() {
    SseDecoder decoder = new SseDecoder(new Recorder());
    decoder.end();
    decoder.end();
  }

  @Test
  void emptyFeedsChangeNothing() {
    Recorder recorder = new Recorder();
    SseDecoder decoder = new SseDecoder(recorder);
    decoder.feed(EVENT, 0, 7);
    decoder.feed(EVENT, 7, 0);
    decoder.feed(ByteBuffer.allocate(0));
    decoder.feed(EVENT, 7, 2);
    assertThat(recorder.items).containsExactly(Recorder.event("message", "", "a"));
  }

  @Test
  void rangeOutsideTheArrayIsRejected() {
    SseDecoder decoder = new SseDecoder(new Recorder());
    assertThatThrownBy(() -> decoder.feed(EVENT, 5, EVENT.length))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> decoder.feed(EVENT, -1, 1))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void listenerExceptionPropagatesAndTheDecoderRefusesMoreInput() {
    IllegalStateException boom = new IllegalStateException("boom");
    SseDecoder decoder = new SseDecoder((type, id, data, offset, length) -> {
      throw boom;
    });
    assertThatThrownBy(() -> decoder.feed(EVENT, 0, EVENT.length)).isSameAs(boom);
    assertThatThrownBy(() -> decoder.feed(EVENT, 0, EVENT.length))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed");
    assertThatThrownBy(decoder::end).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void maxEventSizeOutOfRangeIsRejected() {
    assertThatThrownBy(() -> new SseDecoder(new Recorder(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEventSize");
    assertThatThrownBy(() -> new SseDecoder(new Recorder(), SseDecoder.MAX_MAX_EVENT_SIZE + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultMaxEventSizeIsOneMebibyte() {
    assertThat(new SseDecoder(new Recorder()).getMaxEventSize()).isEqualTo(1 << 20);
  }

  @Test
  void feedingAByteBufferConsumesItAll() {
    Recorder recorder = new Recorder();
    SseDecoder decoder = new SseDecoder(recorder);
    ByteBuffer heap = ByteBuffer.wrap(EVENT, 2, 7);
    ByteBuffer readOnly = ByteBuffer.wrap(EVENT).asReadOnlyBuffer();
    decoder.feed(ByteBuffer.wrap(EVENT, 0, 2));
    decoder.feed(heap);
    decoder.feed(readOnly);
    assertThat(heap.remaining()).isZero();
    assertThat(readOnly.remaining()).isZero();
    assertThat(recorder.items).hasSize(2);
  }

  @Test
  void defaultOnRetryDoesNothing() {
    SseListener listener = (type, id, data, offset, length) -> {};
    listener.onRetry(5);
    byte[] in = "retry: 5\n".getBytes(StandardCharsets.UTF_8);
    new SseDecoder(listener).feed(in, 0, in.length);
  }

  @Test
  void repeatedTypesAndIdsReuseTheirStrings() {
    List<String> types = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    SseDecoder decoder = new SseDecoder((type, id, data, offset, length) -> {
      types.add(type);
      ids.add(id);
    });
    byte[] in = ("event: add\nid: 7\ndata: a\n\nevent: add\nid: 7\ndata: b\n\n"
        + "data: c\n\ndata: d\n\n").getBytes(StandardCharsets.UTF_8);
    decoder.feed(in, 0, in.length);
    assertThat(types.get(1)).isSameAs(types.get(0));
    assertThat(ids.get(1)).isSameAs(ids.get(0));
    assertThat(types.get(3)).isSameAs(types.get(2)).isEqualTo("message");
  }

  @Test
  void doneSentinelIsRecognised() {
    assertThat(done("[DONE]")).isTrue();
    assertThat(done(" [DONE] ")).isTrue();
    assertThat(done("xx[DONE]yy".substring(0, 8))).isFalse();
  }

  @Test
  void doneSentinelIsRecognisedInsideALargerArray() {
    byte[] b = "xx[DONE]yy".getBytes(StandardCharsets.UTF_8);
    assertThat(SseDecoder.isDone(b, 2, 6)).isTrue();
    assertThat(SseDecoder.isDone(b, 1, 7)).isFalse();
  }

  @Test
  void otherDataIsNotDone() {
    assertThat(done("")).isFalse();
    assertThat(done("[done]")).isFalse();
    assertThat(done("[DONE]]")).isFalse();
    assertThat(done("\"[DONE]\"")).isFalse();
    assertThat(done("{\"choices\":[]}")).isFalse();
  }

  private static boolean done(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return SseDecoder.isDone(b, 0, b.length);
  }
}
