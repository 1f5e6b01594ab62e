package dev.chatwire.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Text sent in pieces reads back as the pieces concatenated, at every length and snapshot. */
class PieceTextTest {
  private static final String[] KINDS = {
    "a", "word ", "café", "中文", "😀", "\"q\"\\", "", "\n\t", "x".repeat(300), "y".repeat(PieceText.BLOCK)
  };

  @Test
  void readsBackAsThePiecesConcatenatedAfterEveryPiece() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      PieceText text = new PieceText();
      StringBuilder expected = new StringBuilder();
      int pieces = random.nextInt(400);
      for (int i = 0; i < pieces; i++) {
        String piece = KINDS[random.nextInt(KINDS.length)];
        text.append(piece);
        expected.append(piece);
        // Snapshots taken at random points, also mid-block, change nothing that follows.
        if (random.nextInt(7) == 0) assertThat(text.text()).isEqualTo(expected.toString());
      }
      assertThat(text.text()).isEqualTo(expected.toString());
      assertThat(text.text()).isEqualTo(expected.toString());
    }
  }

  @Test
  void noPieceOrOnlyEmptyPiecesReadAsEmpty() {
    PieceText text = new PieceText();
    assertThat(text.text()).isEmpty();
    text.append("");
    assertThat(text.text()).isEmpty();
  }

  @Test
  void latin1BlocksAndWideBlocksJoinIntoOneText() {
    PieceText text = new PieceText();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      String piece = i < 150 ? "é" + i : "中" + i;
      text.append(piece);
      expected.append(piece);
    }
    assertThat(text.text()).isEqualTo(expected.toString()).hasSize(expected.length());
  }

  @Test
  void theAccumulatorKeepsNullForAMemberThatNeverCameAndEmptyForOneThatCameEmpty() {
    assertThat(Texts.text(Texts.append(null, null))).isNull();
    assertThat(Texts.text(Texts.append(null, ""))).isEmpty();
    PieceText t = Texts.append(Texts.append(null, "a"), "b");
    assertThat(Texts.text(Texts.append(t, null))).isEqualTo("ab");
  }
}
