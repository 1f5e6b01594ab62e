package dev.chatwire.transport.netty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contents held for the event loop are each released exactly once, and none stays held. */
class HeldReleasesTest {
  private static List<ByteBuf> buffers(int n) {
    List<ByteBuf> out = new ArrayList<>();
    for (int i = 0; i < n; i++) out.add(Unpooled.buffer(4).writeInt(i));
    return out;
  }

  @Test
  void holdsUntilReleasedThenReleasesEachOnce() {
    HeldReleases held = new HeldReleases();
    List<ByteBuf> bufs = buffers(3);
    for (ByteBuf b : bufs) assertThat(held.hold(b)).isTrue();
    for (ByteBuf b : bufs) assertThat(b.refCnt()).isEqualTo(1);
    held.releaseAll(false);
    for (ByteBuf b : bufs) assertThat(b.refCnt()).isZero();
    held.releaseAll(false); // nothing held: nothing released twice
    ByteBuf next = buffers(1).get(0);
    assertThat(held.hold(next)).isTrue(); // still holding after a release that was not the last
    held.releaseAll(true);
    assertThat(next.refCnt()).isZero();
  }

  @Test
  void refusesPastItsLimitAndAfterTheLastRelease() {
    HeldReleases held = new HeldReleases();
    List<ByteBuf> bufs = buffers(HeldReleases.MAX + 1);
    for (int i = 0; i < HeldReleases.MAX; i++) assertThat(held.hold(bufs.get(i))).isTrue();
    assertThat(held.hold(bufs.get(HeldReleases.MAX))).isFalse(); // the caller releases it
    bufs.get(HeldReleases.MAX).release();
    held.releaseAll(true);
    for (ByteBuf b : bufs) assertThat(b.refCnt()).isZero();
    ByteBuf late = buffers(1).get(0);
    assertThat(held.hold(late)).isFalse(); // the exchange ended: released at once by the caller
    assertThat(late.refCnt()).isEqualTo(1);
    late.release();
  }

  @Test
  void aHoldRacingTheLastReleaseIsEitherReleasedByItOrRefused() throws Exception {
    for (int round = 0; round < 200; round++) {
      HeldReleases held = new HeldReleases();
      List<ByteBuf> bufs = buffers(HeldReleases.MAX);
      boolean[] refused = new boolean[bufs.size()];
      Thread reader = new Thread(() -> {
        for (int i = 0; i < bufs.size(); i++) refused[i] = !held.hold(bufs.get(i));
      });
      reader.start();
      held.releaseAll(true);
      reader.join();
      for (int i = 0; i < bufs.size(); i++) {
        if (refused[i]) bufs.get(i).release(); // what the caller does when refused
        assertThat(bufs.get(i).refCnt()).as("round %d, buffer %d", round, i).isZero();
      }
    }
  }
}
