package dev.chatwire.sse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One transcribed conformance case: input bytes, how upstream chunked them, what must come out. */
final class SseCase {
  final String file;
  final String name;
  final byte[] input;
  /** Feed boundaries of the upstream test, if it fed specific chunks; empty otherwise. */
  final int[] upstreamCuts;
  final List<String> expected;
  final @Nullable String lastEventId;
  final int maxEventSize;
  final boolean lineEndingVariants;

  SseCase(
      String file,
      String name,
      byte[] input,
      int[] upstreamCuts,
      List<String> expected,
      @Nullable String lastEventId,
      int maxEventSize,
      boolean lineEndingVariants) {
    this.file = file;
    this.name = name;
    this.input = input;
    this.upstreamCuts = upstreamCuts;
    this.expected = expected;
    this.lastEventId = lastEventId;
    this.maxEventSize = maxEventSize;
    this.lineEndingVariants = lineEndingVariants;
  }

  /**
   * The same case with every LF replaced by {@code ending}. Only meaningful for inputs without CR,
   * where LF is always a line ending; the expected events do not change.
   */
  SseCase withLineEnding(String ending) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> cuts = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < input.length; i++) {
      if (next < upstreamCuts.length && upstreamCuts[next] == i) {
        cuts.add(out.size());
        next++;
      }
      if (input[i] == '\n') {
        for (int k = 0; k < ending.length(); k++) out.write(ending.charAt(k));
      } else {
        out.write(input[i]);
      }
    }
    int[] movedCuts = cuts.stream().mapToInt(Integer::intValue).toArray();
    return new SseCase(
        file, name, out.toByteArray(), movedCuts, expected, lastEventId, maxEventSize, false);
  }

  @Override
  public String toString() {
    return file + ": " + name;
  }
}
