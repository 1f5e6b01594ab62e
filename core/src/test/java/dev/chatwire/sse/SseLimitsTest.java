package dev.chatwire.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.sse.EventStreamParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The maximum event size: what counts, the error it raises, and the lines that are skipped as
 * they stream by so they never count and never grow a buffer.
 */
class SseLimitsTest {
  private static final int SMALL_CAPACITY = 256 + 64;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String repeat(char c, int n) {
    char[] chars = new char[n];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  private static EventTooLargeException tooLarge(byte[] in, int[] cuts, int max) {
    return catchThrowableOfType(
        EventTooLargeException.class, () -> Feeds.decode(in, cuts, max));
  }

  @Test
  void eventLargerThanTheMaximumFailsNamingBothSizes() {
    byte[] in = bytes("data: " + repeat('x', 100) + "\n\n");
    EventTooLargeException e = tooLarge(in, Feeds.none(), 64);
    assertThat(e)
        .isInstanceOf(DecodeException.class)
        .hasMessage("event size (100) exceeds the allowed maximum (64) (byte offset 70) in event 0");
    assertThat(e.getEventSize()).isEqualTo(100);
    assertThat(e.getMaxEventSize()).isEqualTo(64);
  }

  @Test
  void errorLocationDoesNotDependOnHowTheInputWasSplit() {
    byte[] in = bytes("data: ok\n\ndata: " + repeat('x', 100) + "\n\n");
    for (int[] cuts : new int[][] {Feeds.none(), Feeds.every(in.length, 1), Feeds.at(20)}) {
      EventTooLargeException e = tooLarge(in, cuts, 64);
      assertThat(e.getByteOffset()).isEqualTo(10 + 6 + 64);
      assertThat(e.getEventIndex()).isEqualTo(1);
      assertThat(e.getEventSize()).isGreaterThan(64);
      assertThat(e.getMessage())
          .startsWith("event size (" + e.getEventSize() + ") exceeds the allowed maximum (64)");
    }
  }

  @Test
  void eventIndexCountsOnlyDispatchedEvents() {
    byte[] in = bytes("data: a\n\nevent: x\n\ndata: b\n\ndata: " + repeat('x', 40) + "\n\n");
    assertThat(tooLarge(in, Feeds.none(), 16).getEventIndex()).isEqualTo(2);
  }

  @Test
  void eachDataLineCountsItsLineFeed() {
    assertThat(Feeds.items(bytes("data: 1234567\n\n"), Feeds.none(), 8))
        .containsExactly(Recorder.event("message", "", "1234567"));
    assertThat(tooLarge(bytes("data: 12345678\n\n"), Feeds.none(), 8).getByteOffset())
        .isEqualTo(14);
  }

  @Test
  void allDataLinesOfAnEventCount() {
    assertThat(Feeds.items(bytes("data: 1234\ndata: 1234\n\n"), Feeds.none(), 10)).hasSize(1);
    assertThat(tooLarge(bytes("data: 1234\ndata: 1234\ndata:\n\n"), Feeds.none(), 10)).isNotNull();
  }

  @Test
  void sizeStartsAfreshWithEachEvent() {
    String event = "data: 123456789\n\n";
    assertThat(Feeds.items(bytes(event + event + event), Feeds.none(), 10)).hasSize(3);
  }

  @Test
  void longIdOrEventValueCounts() {
    assertThat(tooLarge(bytes("id: " + repeat('i', 20) + "\n"), Feeds.none(), 16)).isNotNull();
    assertThat(tooLarge(bytes("event: " + repeat('e', 20) + "\n"), Feeds.none(), 16)).isNotNull();
  }

  @Test
  void replacementCharactersCountTowardsTheLimit() {
    byte[] in = {'d', 'a', 't', 'a', ':', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, '\n'};
    assertThat(tooLarge(in, Feeds.none(), 10).getEventSize()).isEqualTo(12);
  }

  @Test
  void decoderRefusesInputAfterAnEventTooLarge() {
    SseDecoder decoder = new SseDecoder(new Recorder(), 4);
    byte[] in = bytes("data: 12345\n");
    assertThatThrownBy(() -> decoder.feed(in, 0, in.length))
        .isInstanceOf(EventTooLargeException.class);
    assertThatThrownBy(() -> decoder.feed(in, 0, in.length))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void commentLongerThanTheMaximumIsSkippedWithoutBuffering() {
    assertSkippedUnbuffered(":", 'c');
  }

  @Test
  void unknownFieldLongerThanTheMaximumIsSkippedWithoutBuffering() {
    assertSkippedUnbuffered("color: ", 'b');
    assertSkippedUnbuffered("", 'n'); // a field name longer than any known one
  }

  @Test
  void invalidRetryLongerThanTheMaximumIsSkippedWithoutBuffering() {
    assertSkippedUnbuffered("retry: 1x", '9');
  }

  @Test
  void idWithNulLongerThanTheMaximumIsSkippedWithoutBuffering() {
    assertSkippedUnbuffered("id: \u0000", 'i');
  }

  @Test
  void longAllDigitRetryIsParsedWithoutBuffering() {
    EventStreamParser parser = new EventStreamParser(new Recorder(), 16);
    byte[] prefix = bytes("retry: ");
    parser.feed(prefix, 0, prefix.length);
    byte[] digits = bytes(repeat('9', 4096));
    for (int i = 0; i < 256; i++) parser.feed(digits, 0, digits.length);
    assertThat(parser.bufferCapacity()).isLessThanOrEqualTo(SMALL_CAPACITY);
  }

  @Test
  void memoryIsReleasedAfterALargeEvent() {
    Recorder recorder = new Recorder();
    EventStreamParser parser = new EventStreamParser(recorder, 4 << 20);
    byte[] in = bytes("data: " + repeat('x', 2 << 20) + "\n\n");
    // Cut, so that the decoder holds the first part until the rest comes.
    parser.feed(in, 0, in.length / 2);
    assertThat(parser.bufferCapacity()).isGreaterThanOrEqualTo(in.length / 2 - "data: ".length());
    parser.feed(in, in.length / 2, in.length - in.length / 2);
    assertThat(recorder.items).hasSize(1);
    assertThat(parser.bufferCapacity()).isLessThanOrEqualTo(SMALL_CAPACITY);
  }

  @Test
  void anEventCutByAReadKeepsTheArrayUntilManyFeedsEndBetweenEvents() {
    Recorder recorder = new Recorder();
    EventStreamParser parser = new EventStreamParser(recorder, 1 << 20);
    byte[] cut = bytes("data: " + repeat('y', 300) + "\n\n");
    byte[] whole = bytes("data: {\"n\":1}\n\n");
    int keep = EventStreamParser.KEEP_AFTER_CUT;
    parser.feed(cut, 0, 100);
    assertThat(parser.bufferCapacity()).isGreaterThanOrEqualTo(94);
    parser.feed(cut, 100, cut.length - 100); // the first feed that ends between events
    assertThat(recorder.items).containsExactly(Recorder.event("message", "", repeat('y', 300)));
    // A fast stream's reads cut an event now and then: the array stays for the next one.
    for (int i = 2; i < keep; i++) parser.feed(whole, 0, whole.length);
    assertThat(parser.bufferCapacity()).isGreaterThanOrEqualTo(300);
    // Another cut starts the count again.
    parser.feed(cut, 0, 100);
    parser.feed(cut, 100, cut.length - 100);
    for (int i = 2; i < keep; i++) parser.feed(whole, 0, whole.length);
    assertThat(parser.bufferCapacity()).isGreaterThanOrEqualTo(300);
    // The count's last feed that ends between events lets it go (a slow stream's reads).
    parser.feed(whole, 0, whole.length);
    assertThat(parser.bufferCapacity()).isZero();
    assertThat(recorder.items).hasSize(2 * keep - 1);
  }

  @Test
  void eventsCopiedEveryTimeHoldNoArrayOnceFeedsEndBetweenThem() {
    // CRLF line ends: every event is copied, yet none is cut, and a slow stream holds nothing.
    Recorder recorder = new Recorder();
    EventStreamParser parser = new EventStreamParser(recorder, 1 << 20);
    byte[] event = bytes("data: " + repeat('z', 200) + "\r\n\r\n");
    for (int i = 1; i < EventStreamParser.KEEP_AFTER_CUT; i++) parser.feed(event, 0, event.length);
    assertThat(parser.bufferCapacity()).isGreaterThanOrEqualTo(200);
    parser.feed(event, 0, event.length);
    assertThat(parser.bufferCapacity()).isZero();
    byte[] comment = bytes(": keep-alive\n\n");
    parser.feed(comment, 0, comment.length);
    assertThat(parser.bufferCapacity()).isZero();
    assertThat(recorder.items).hasSize(EventStreamParser.KEEP_AFTER_CUT)
        .allMatch(e -> e.equals(Recorder.event("message", "", repeat('z', 200))));
  }

  @Test
  void eventsThatComeWholeInOneFeedAreNotCopiedSoNothingIsHeld() {
    Recorder recorder = new Recorder();
    EventStreamParser parser = new EventStreamParser(recorder, 1 << 20);
    byte[] in = bytes("data: {\"a\":\"é\"}\n\n: keep-alive\n\ndata: " + repeat('x', 4096)
        + "\n\n");
    parser.feed(in, 0, in.length);
    assertThat(recorder.items).containsExactly(
        Recorder.event("message", "", "{\"a\":\"é\"}"),
        Recorder.event("message", "", repeat('x', 4096)));
    assertThat(parser.bufferCapacity()).isZero();
  }

  /** Feeds 1 MiB of a line that must be skipped to a decoder allowing 16 bytes per event. */
  private static void assertSkippedUnbuffered(String start, char filler) {
    Recorder recorder = new Recorder();
    EventStreamParser parser = new EventStreamParser(recorder, 16);
    byte[] head = bytes(start);
    parser.feed(head, 0, head.length);
    byte[] piece = bytes(repeat(filler, 4096));
    for (int i = 0; i < 256; i++) parser.feed(piece, 0, piece.length);
    assertThat(parser.bufferCapacity()).isLessThanOrEqualTo(SMALL_CAPACITY);
    byte[] tail = bytes("\ndata: ok\n\n");
    parser.feed(tail, 0, tail.length);
    assertThat(recorder.items).containsExactly(Recorder.event("message", "", "ok"));
  }
}
