package dev.chatwire.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The buffer a body event carries holds exactly the content's readable bytes, whatever kind of
 * buffer the content is, and keeps them while other parts of the same pooled buffer are viewed
 * after it (as the HTTP decoder slices one read into many chunks).
 */
class BodyViewTest {
  private static final String TEXT = "data: {\"a\":1}\n\ndata: {\"b\":22}\n\ndata: [DONE]\n\n";

  @Test
  void slicesOfOnePooledDirectBufferAreViewedInPlaceAndKeepTheirOwnBytes() {
    // This module's tests run with paranoid leak detection: every buffer is wrapped.
    assertThat(slicesKeepTheirBytes(PooledByteBufAllocator.DEFAULT.directBuffer(256)))
        .as("viewed in the pooled buffer, through the leak detector's wrapper").isTrue();
    ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    try {
      assertThat(slicesKeepTheirBytes(PooledByteBufAllocator.DEFAULT.directBuffer(256)))
          .as("viewed in the pooled buffer, unwrapped").isTrue();
    } finally {
      ResourceLeakDetector.setLevel(level);
    }
  }

  @Test
  void slicesOfOtherBuffersKeepTheirOwnBytes() {
    slicesKeepTheirBytes(PooledByteBufAllocator.DEFAULT.heapBuffer(256));
    slicesKeepTheirBytes(UnpooledByteBufAllocator.DEFAULT.directBuffer(256));
    slicesKeepTheirBytes(Unpooled.buffer(256));
  }

  @Test
  void aCompositeOrAWholeBufferIsViewedAsIs() {
    ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    CompositeByteBuf composite = alloc.compositeDirectBuffer();
    composite.addComponent(true, alloc.directBuffer().writeBytes(bytes("data: ")));
    composite.addComponent(true, alloc.directBuffer().writeBytes(bytes("x\n\n")));
    composite.readerIndex(2);
    assertThat(text(NettyWire.view(composite))).isEqualTo("ta: x\n\n");
    composite.release();

    ByteBuf whole = alloc.directBuffer(64).writeBytes(bytes(TEXT));
    whole.readerIndex(6);
    assertThat(text(NettyWire.view(whole))).isEqualTo(TEXT.substring(6));
    whole.release();
  }

  @Test
  void runsOfOneReadBufferKeepTheirBytesAfterLaterRunsAreViewed() {
    // A chunked body's runs are viewed through one buffer's shared NIO view, positioned per run.
    ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    CompositeByteBuf composite = alloc.compositeDirectBuffer();
    composite.addComponent(true, alloc.directBuffer().writeBytes(bytes("0123data: {\"a\":1}")));
    composite.addComponent(true, alloc.directBuffer().writeBytes(bytes("\n\ndata: [DONE]\n\n")));
    for (ByteBuf buf : List.of(alloc.directBuffer(256), alloc.heapBuffer(256),
        UnpooledByteBufAllocator.DEFAULT.directBuffer(256), Unpooled.buffer(256), composite)) {
      if (buf != composite) buf.writeBytes(bytes("0123" + TEXT));
      List<ByteBuffer> views = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      int at = 4;
      String text = buf.toString(StandardCharsets.UTF_8).substring(4);
      for (String part : text.split("(?<=\n\n)")) {
        views.add(NettyWire.view(buf, at, part.length()));
        expected.add(part);
        at += part.length();
      }
      List<String> seen = new ArrayList<>();
      for (ByteBuffer view : views) seen.add(text(view));
      assertThat(seen).as("%s", buf.getClass().getSimpleName()).containsExactlyElementsOf(expected);
      buf.release();
    }
  }

  // Whether every slice was viewed in the buffer it derives from (no nioBuffer() copy of it).
  private static boolean slicesKeepTheirBytes(ByteBuf parent) {
    parent.writeBytes(bytes("0123")); // the slices do not start at the parent's index 0
    parent.writeBytes(bytes(TEXT));
    parent.readerIndex(4);
    List<ByteBuf> slices = new ArrayList<>();
    List<ByteBuffer> views = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    boolean inPlace = true;
    for (String part : TEXT.split("(?<=\n\n)")) {
      ByteBuf slice = parent.readRetainedSlice(part.length());
      slice.readerIndex(1); // a content whose reader index moved
      slices.add(slice);
      inPlace &= NettyWire.viewInRoot(slice) != null;
      views.add(NettyWire.view(slice));
      expected.add(part.substring(1));
    }
    parent.release();
    List<String> seen = new ArrayList<>();
    for (ByteBuffer view : views) seen.add(text(view));
    assertThat(seen).containsExactlyElementsOf(expected);
    for (ByteBuf slice : slices) slice.release();
    return inPlace;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return new String(out, StandardCharsets.UTF_8);
  }
}
