package dev.chatwire.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The word views of a stream's arrays: reused while the arrays are, never keeping a big one. */
class WordViewTest {
  @Test
  void theViewOfTheSameArrayIsReusedUntilCleared() {
    WordView views = new WordView(1024);
    byte[] event = new byte[256];
    ByteBuffer first = views.of(event);
    assertThat(views.of(event)).isSameAs(first);
    assertThat(first.order()).isEqualTo(ByteOrder.nativeOrder());
    views.clear();
    assertThat(views.of(event)).isNotSameAs(first);
  }

  @Test
  void aBigArrayIsViewedButNotKept() {
    WordView views = new WordView(1024);
    byte[] small = new byte[16];
    ByteBuffer kept = views.of(small);
    byte[] big = new byte[1025];
    big[8] = 1;
    assertThat(views.of(big).get(8)).isEqualTo((byte) 1);
    assertThat(views.of(big)).isNotSameAs(views.of(big));
    // The small one is still the one kept.
    assertThat(views.of(small)).isSameAs(kept);
  }

  @Test
  void twoArraysInTurnKeepTheirViewsAndAThirdReplacesTheOlder() {
    WordView views = new WordView(1024);
    byte[] read = new byte[64];
    byte[] event = new byte[64];
    ByteBuffer readView = views.of(read);
    ByteBuffer eventView = views.of(event);
    for (int i = 0; i < 3; i++) {
      assertThat(views.of(read)).isSameAs(readView);
      assertThat(views.of(event)).isSameAs(eventView);
    }
    views.of(new byte[64]); // replaces read's view, the older of the two
    assertThat(views.of(event)).isSameAs(eventView);
    assertThat(views.of(read)).isNotSameAs(readView);
  }
}
