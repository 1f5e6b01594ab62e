package dev.chatwire.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The WHATWG UTF-8 decoder's replacement rule (one U+FFFD per maximal subpart) on byte ranges. */
class Utf8Test {

  private static byte[] hex(String hex) {
    String[] parts = hex.trim().split("\\s+");
    byte[] b = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) b[i] = (byte) Integer.parseInt(parts[i], 16);
    return b;
  }

  private static String repaired(byte[] in) {
    byte[] out = new byte[3 * in.length];
    int n = Utf8.repair(in, 0, in.length, out, 0);
    assertThat(Utf8.findInvalid(out, 0, n)).isEqualTo(-1);
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }

  @Test
  void unicodeStandardMaximalSubpartExample() {
    // The Unicode Standard, chapter 3, "U+FFFD Substitution of Maximal Subparts".
    assertThat(repaired(hex("61 F1 80 80 E1 80 C2 62 80 63 80 BF 64")))
        .isEqualTo("a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd");
  }

  @Test
  void overlongEncodingsBecomeOneReplacementPerByte() {
    assertThat(repaired(hex("C0 AF"))).isEqualTo("\uFFFD\uFFFD");
    assertThat(repaired(hex("E0 80 AF"))).isEqualTo("\uFFFD\uFFFD\uFFFD");
    assertThat(repaired(hex("F0 80 80 AF"))).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void surrogatesAreReplaced() {
    assertThat(repaired(hex("ED A0 80"))).isEqualTo("\uFFFD\uFFFD\uFFFD");
    assertThat(repaired(hex("ED BF BF"))).isEqualTo("\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void codePointsBeyondU10FFFFAreReplaced() {
    assertThat(repaired(hex("F4 90 80 80"))).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
    assertThat(repaired(hex("F5 80"))).isEqualTo("\uFFFD\uFFFD");
  }

  @Test
  void truncatedSequenceAtTheEndIsOneReplacement() {
    assertThat(repaired(hex("61 E2 82"))).isEqualTo("a\uFFFD");
    assertThat(repaired(hex("61 F0 9F 98"))).isEqualTo("a\uFFFD");
  }

  @Test
  void truncatedSequenceFollowedByAsciiKeepsTheAscii() {
    assertThat(repaired(hex("E2 82 41"))).isEqualTo("\uFFFDA");
  }

  @Test
  void strayContinuationBytesAreReplacedOneByOne() {
    assertThat(repaired(hex("80 BF 41"))).isEqualTo("\uFFFD\uFFFDA");
  }

  @Test
  void wellFormedSequencesAtTheBoundariesAreKept() {
    byte[] in = hex("C2 80 DF BF E0 A0 80 ED 9F BF EE 80 80 EF BF BF F0 90 80 80 F4 8F BF BF");
    assertThat(Utf8.findInvalid(in, 0, in.length)).isEqualTo(-1);
    byte[] out = new byte[3 * in.length];
    assertThat(Utf8.repair(in, 0, in.length, out, 0)).isEqualTo(in.length);
  }

  @Test
  void findInvalidPointsAtTheFirstIllFormedSequence() {
    byte[] in = hex("41 C3 A9 E2 82 41");
    assertThat(Utf8.findInvalid(in, 0, in.length)).isEqualTo(3);
    assertThat(Utf8.findInvalid(in, 0, 3)).isEqualTo(-1);
  }

  /**
   * The JDK's decoder follows the same rule except for encoded surrogates (ED A0..BF ..), which it
   * replaces with one U+FFFD where WHATWG replaces each byte; those inputs are left out.
   */
  @Test
  void repairAgreesWithThePlatformDecoderOnRandomBytes() {
    Random random = new Random(42);
    int compared = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] in = new byte[1 + random.nextInt(12)];
      for (int i = 0; i < in.length; i++) {
        // Bias towards the interesting lead and continuation bytes.
        in[i] = (byte) (random.nextBoolean() ? 0x80 + random.nextInt(0x80) : random.nextInt(256));
      }
      if (hasEncodedSurrogate(in)) continue;
      compared++;
      assertThat(repaired(in))
          .as("round %d: %s", round, Arrays.toString(in))
          .isEqualTo(new String(in, StandardCharsets.UTF_8));
    }
    assertThat(compared).isGreaterThan(15_000);
  }

  private static boolean hasEncodedSurrogate(byte[] in) {
    for (int i = 0; i + 1 < in.length; i++) {
      if ((in[i] & 0xFF) == 0xED && (in[i + 1] & 0xFF) >= 0xA0 && (in[i + 1] & 0xFF) <= 0xBF) {
        return true;
      }
    }
    return false;
  }
}
