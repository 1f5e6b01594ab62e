package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.internal.call.StreamSink;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.transport.WireEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream whose events come a millisecond or more apart on average holds no JSON parser between
 * them, and reads exactly as a fast one (virtual time, a hand-operated transport). The chunks carry
 * an object member (Groq's {@code x_groq}), which the chunk reader's hand-read path leaves to the
 * parser, so that every chunk needs one.
 */
class StreamSinkTricklingTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final RealCallTest.ManualTransport transport = new RealCallTest.ManualTransport();
  private final List<ChatCompletionChunk> chunks = new ArrayList<>();

  @Test
  void aTricklingStreamReleasesItsParserBetweenEventsEvenWhenTwoComeTogether() {
    ManualStream stream = new ManualStream(transport, time, chunks::add);
    StreamSink sink = stream.sink;
    WireEvents events = stream.events;

    // The model's pace: 20 ms between tokens. After each event the parser is gone.
    for (String token : new String[] {"Hel", "lo"}) {
      time.advance(Duration.ofMillis(20));
      events.body(ManualStream.event(parsed(token)), null);
      assertThat(sink.holdsParser()).as("after %s", token).isFalse();
    }
    // Two events back to back (a busy server sent them together): still a trickling stream.
    events.body(ManualStream.event(parsed(",")), null);
    assertThat(sink.holdsParser()).isFalse();
    // Slow again, in the middle of a read: still read whole.
    time.advance(Duration.ofMillis(20));
    byte[] split =
        ("data: " + parsed(" you") + "\n\n").getBytes(StandardCharsets.UTF_8);
    events.body(ByteBuffer.wrap(split, 0, 9), null);
    events.body(ByteBuffer.wrap(split, 9, split.length - 9), null);
    assertThat(sink.holdsParser()).isFalse();
    events.body(ManualStream.event(ClientHarness.finishJson()), null);
    events.body(ManualStream.event("[DONE]"), null);
    events.end();

    assertThat(text(stream)).isEqualTo("Hello, you");
    assertThat(chunks).hasSize(5);
    assertThat(sink.holdsParser()).isFalse(); // closed at [DONE]
  }

  @Test
  void aFastStreamKeepsItsParserAndOneThatSpeedsUpTakesItBack() {
    ManualStream stream = new ManualStream(transport, time, chunks::add);
    StreamSink sink = stream.sink;
    WireEvents events = stream.events;

    // Events back to back from the start: the parser stays from one to the next.
    events.body(ManualStream.event(parsed("a")), null);
    for (int i = 0; i < 3; i++) {
      events.body(ManualStream.event(parsed("b")), null);
      assertThat(sink.holdsParser()).isTrue();
    }
    // Slow for a while: released between events.
    for (int i = 0; i < 10; i++) {
      time.advance(Duration.ofMillis(20));
      events.body(ManualStream.event(parsed("c")), null);
    }
    assertThat(sink.holdsParser()).isFalse();
    // Fast again: once the average gap is under a millisecond the parser is kept again.
    int fast = 0;
    while (!sink.holdsParser() && fast < 100) {
      events.body(ManualStream.event(parsed("d")), null);
      fast++;
    }
    assertThat(sink.holdsParser()).isTrue();
    assertThat(fast).isBetween(10, 40);
    events.body(ManualStream.event(ClientHarness.finishJson()), null);
    events.body(ManualStream.event("[DONE]"), null);
    events.end();

    assertThat(text(stream)).isEqualTo("abbb" + "c".repeat(10) + "d".repeat(fast));
  }

  private static String parsed(String token) {
    return ClientHarness.chunkJson(token)
        .replace("\"choices\"", "\"x_groq\":{\"id\":\"q\"},\"choices\"");
  }

  private static String text(ManualStream stream) {
    assertThat(stream.outcome.get()).isInstanceOf(ChatCompletion.class);
    return ((ChatCompletion) stream.outcome.get()).getChoices().get(0).getMessage().getContent();
  }
}
