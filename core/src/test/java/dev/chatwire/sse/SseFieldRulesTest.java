package dev.chatwire.sse;

import static dev.chatwire.sse.Feeds.allWays;
import static dev.chatwire.sse.Recorder.event;
import static dev.chatwire.sse.Recorder.retry;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per field rule of the WHATWG event-stream interpretation; each runs across all splits. */
class SseFieldRulesTest {

  private static String message(String data) {
    return event("message", "", data);
  }

  @Test
  void dataLinesAreJoinedWithLineFeeds() {
    assertThat(allWays("data: a\ndata: b\ndata: c\n\n")).containsExactly(message("a\nb\nc"));
  }

  @Test
  void onlyTheFinalTrailingLineFeedIsRemoved() {
    assertThat(allWays("data: a\ndata\ndata\n\n")).containsExactly(message("a\n\n"));
  }

  @Test
  void onlyOneSpaceAfterTheColonIsRemoved() {
    assertThat(allWays("data:   three\n\n")).containsExactly(message("  three"));
  }

  @Test
  void tabAfterTheColonIsKept() {
    assertThat(allWays("data:\tx\n\n")).containsExactly(message("\tx"));
  }

  @Test
  void valueKeepsLaterColons() {
    assertThat(allWays("data: a: b:c\n\n")).containsExactly(message("a: b:c"));
  }

  @Test
  void lineWithoutColonIsAFieldWithEmptyValue() {
    assertThat(allWays("data\n\n")).containsExactly(message(""));
  }

  @Test
  void fieldNamesAreCaseSensitive() {
    assertThat(allWays("Data: x\nDATA: y\nEvent: e\nID: 1\ndata: z\n\n")).containsExactly(message("z"));
  }

  @Test
  void namesThatOnlyResembleKnownFieldsAreIgnored() {
    assertThat(allWays("data_5: x\n data: y\ndat: z\ndatas: w\nidx: 1\nevents: e\ndata: ok\n\n"))
        .containsExactly(message("ok"));
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(allWays("color: blue\ndata: ok\nfoo\n\n")).containsExactly(message("ok"));
  }

  @Test
  void eventFieldSetsTheTypeOfTheNextEventOnly() {
    assertThat(allWays("event: add\ndata: 1\n\ndata: 2\n\n"))
        .containsExactly(event("add", "", "1"), message("2"));
  }

  @Test
  void lastEventFieldOfABlockWins() {
    assertThat(allWays("event: a\nevent: b\ndata: 1\n\n")).containsExactly(event("b", "", "1"));
  }

  @Test
  void emptyEventFieldMeansMessage() {
    assertThat(allWays("event: a\nevent\ndata: 1\n\n")).containsExactly(message("1"));
  }

  @Test
  void idPersistsAcrossEvents() {
    assertThat(allWays("id: 7\ndata: a\n\ndata: b\n\n"))
        .containsExactly(event("message", "7", "a"), event("message", "7", "b"));
  }

  @Test
  void emptyIdResetsTheLastEventId() {
    assertThat(allWays("id: 7\ndata: a\n\nid:\ndata: b\n\n"))
        .containsExactly(event("message", "7", "a"), event("message", "", "b"));
  }

  @Test
  void idContainingNulIsIgnoredAndTheLastIdKept() {
    assertThat(allWays("id: 7\ndata: a\n\nid: 8\u00009\ndata: b\n\n"))
        .containsExactly(event("message", "7", "a"), event("message", "7", "b"));
  }

  @Test
  void idOfABlockWithoutDataStillBecomesTheLastEventId() {
    assertThat(allWays("id: 1\n\ndata: a\n\n")).containsExactly(event("message", "1", "a"));
  }

  @Test
  void retryWithOnlyDigitsIsReported() {
    assertThat(allWays("retry: 1500\n")).containsExactly(retry(1500));
  }

  @Test
  void retryWithLeadingZerosIsDecimal() {
    assertThat(allWays("retry: 010\n")).containsExactly(retry(10));
  }

  @Test
  void retryWithAnythingButDigitsIsIgnored() {
    assertThat(allWays("retry: 15s\nretry: -1\nretry: 1.5\nretry:  1\nretry: \nretry\n")).isEmpty();
  }

  @Test
  void retryBeyondLongRangeIsReportedAsLongMaxValue() {
    assertThat(allWays("retry: 99999999999999999999999\n")).containsExactly(retry(Long.MAX_VALUE));
  }

  @Test
  void retryIsReportedWhenItsLineEndsNotAtDispatch() {
    assertThat(allWays("data: a\nretry: 5\ndata: b\n\n"))
        .containsExactly(retry(5), message("a\nb"));
  }
}
