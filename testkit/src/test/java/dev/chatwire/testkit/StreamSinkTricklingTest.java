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
 * A stream whose events come a millisecond or more apart holds no JSON parser between them, and
 * reads exactly as a fast one (virtual time, a hand-operated transport).
 */
class StreamSinkTricklingTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final RealCallTest.ManualTransport transport = new RealCallTest.ManualTransport();
  private final List<ChatCompletionChunk> chunks = new ArrayList<>();

  @Test
  void aTricklingStreamReleasesItsParserBetweenEventsAndAFastOneKeepsIt() {
    ManualStream stream = new ManualStream(transport, time, chunks::add);
    StreamSink sink = stream.sink;
    WireEvents events = stream.events;

    // The model's pace: 20 ms between tokens. After each event the parser is gone.
    for (String token : new String[] {"Hel", "lo"}) {
      time.advance(Duration.ofMillis(20));
      events.body(ManualStream.event(ClientHarness.chunkJson(token)), null);
      assertThat(sink.holdsParser()).as("after %s", token).isFalse();
    }
    // Events back to back: the parser stays from one to the next.
    events.body(ManualStream.event(ClientHarness.chunkJson(",")), null);
    assertThat(sink.holdsParser()).isTrue();
    events.body(ManualStream.event(ClientHarness.chunkJson(" you")), null);
    assertThat(sink.holdsParser()).isTrue();
    // Slow again, in the middle of a read: still read whole.
    time.advance(Duration.ofMillis(5));
    byte[] split =
        ("data: " + ClientHarness.chunkJson("!") + "\n\n").getBytes(StandardCharsets.UTF_8);
    events.body(ByteBuffer.wrap(split, 0, 9), null);
    events.body(ByteBuffer.wrap(split, 9, split.length - 9), null);
    assertThat(sink.holdsParser()).isFalse();
    events.body(ManualStream.event(ClientHarness.finishJson()), null);
    events.body(ManualStream.event("[DONE]"), null);
    events.end();

    assertThat(stream.outcome.get()).isInstanceOf(ChatCompletion.class);
    ChatCompletion completion = (ChatCompletion) stream.outcome.get();
    assertThat(completion.getChoices().get(0).getMessage().getContent()).isEqualTo("Hello, you!");
    assertThat(chunks).hasSize(6);
    assertThat(sink.holdsParser()).isFalse(); // closed at [DONE]
  }
}
