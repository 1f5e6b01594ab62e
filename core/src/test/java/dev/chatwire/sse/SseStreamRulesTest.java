package dev.chatwire.sse;

import static dev.chatwire.sse.Feeds.allWays;
import static dev.chatwire.sse.Recorder.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stream-level rules: BOM, line endings, comments, dispatch and the end of the stream. */
class SseStreamRulesTest {
  private static final String BOM = "\uFEFF";

  private static String message(String data) {
    return event("message", "", data);
  }

  @Test
  void leadingBomIsStripped() {
    assertThat(allWays(BOM + "data: a\n\n")).containsExactly(message("a"));
  }

  @Test
  void secondBomIsKeptAsPartOfTheFirstLine() {
    // "\uFEFFdata" is not the field name "data", so the line is an unknown field.
    assertThat(allWays(BOM + BOM + "data: a\n\ndata: b\n\n")).containsExactly(message("b"));
  }

  @Test
  void bomInsideTheStreamIsData() {
    assertThat(allWays("data: " + BOM + "a\n\n")).containsExactly(message(BOM + "a"));
  }

  @Test
  void partialBomAtTheStartIsNotStripped() {
    byte[] in = {(byte) 0xEF, (byte) 0xBB, 'd', 'a', 't', 'a', ':', 'x', '\n', '\n', 'd', 'a', 't',
        'a', ':', 'y', '\n', '\n'};
    assertThat(allWays(in)).containsExactly(message("y"));
  }

  @Test
  void lineEndingsMayBeMixed() {
    assertThat(allWays("data: a\rdata: b\r\ndata: c\n\r\ndata: d\r\r"))
        .containsExactly(message("a\nb\nc"), message("d"));
  }

  @Test
  void crFollowedByLfIsOneLineEnding() {
    assertThat(allWays("data: a\r\n\r\n")).containsExactly(message("a"));
  }

  @Test
  void lfFollowedByCrIsTwoLineEndings() {
    assertThat(allWays("data: a\n\r")).containsExactly(message("a"));
  }

  @Test
  void commentLinesAreIgnored() {
    assertThat(allWays(": ping\ndata: a\n:data: b\n\n")).containsExactly(message("a"));
  }

  @Test
  void commentAloneDoesNotEndAnEvent() {
    assertThat(allWays("data: a\n: keep-alive\ndata: b\n\n")).containsExactly(message("a\nb"));
  }

  @Test
  void blockWithoutDataDispatchesNothing() {
    assertThat(allWays("event: ping\nid: 1\n\n")).isEmpty();
  }

  @Test
  void blockWithoutDataDoesNotLeakItsTypeIntoTheNextBlock() {
    assertThat(allWays("event: ping\n\ndata: a\n\n")).containsExactly(event("message", "", "a"));
  }

  @Test
  void extraBlankLinesDispatchNothing() {
    assertThat(allWays("\n\n\r\n\rdata: a\n\n\n\n")).containsExactly(message("a"));
  }

  @Test
  void unterminatedBlockIsDiscardedAtTheEnd() {
    assertThat(allWays("data: a\n\ndata: b\n")).containsExactly(message("a"));
  }

  @Test
  void unterminatedLineIsDiscardedAtTheEnd() {
    assertThat(allWays("data: a\n\nretry: 5")).containsExactly(message("a"));
  }

  @Test
  void eventIsDispatchedTheMomentItsBlankLineArrives() {
    Recorder recorder = new Recorder();
    SseDecoder decoder = new SseDecoder(recorder);
    byte[] in = "data: a\n\r".getBytes(StandardCharsets.UTF_8);
    decoder.feed(in, 0, in.length);
    assertThat(recorder.items).containsExactly(message("a"));
  }

  @Test
  void lastEventIdIsCommittedAtBlankLinesOnly() {
    SseDecoder decoder = new SseDecoder(new Recorder());
    byte[] in = "id: 1\n\nid: 2\n".getBytes(StandardCharsets.UTF_8);
    decoder.feed(in, 0, in.length);
    assertThat(decoder.getLastEventId()).isEqualTo("1");
  }

  @Test
  void nulInDataIsKept() {
    assertThat(allWays("data: a\u0000b\n\n")).containsExactly(message("a\u0000b"));
  }

  @Test
  void unicodeLineSeparatorsAreNotLineEndings() {
    assertThat(allWays("data: a\u2028b\u0085c\u000Bd\u000Ce\n\n"))
        .containsExactly(message("a\u2028b\u0085c\u000Bd\u000Ce"));
  }
}
