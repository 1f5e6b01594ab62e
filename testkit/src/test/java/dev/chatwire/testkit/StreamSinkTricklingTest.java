package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.internal.call.CallEnv;
import dev.chatwire.internal.call.RealCall;
import dev.chatwire.internal.call.StreamSink;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A stream whose events come a millisecond or more apart holds no JSON parser between them, and
 * reads exactly as a fast one (virtual time, a hand-operated transport).
 */
class StreamSinkTricklingTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final RealCallTest.ManualTransport transport = new RealCallTest.ManualTransport();
  private final AtomicReference<@Nullable Object> outcome = new AtomicReference<>();
  private final List<ChatCompletionChunk> chunks = new ArrayList<>();

  @Test
  void aTricklingStreamReleasesItsParserBetweenEventsAndAFastOneKeepsIt() {
    StreamSink sink = new StreamSink(new dev.chatwire.stream.StreamListener() {
      @Override
      public void onChunk(ChatCompletionChunk chunk) {
        chunks.add(chunk);
      }

      @Override
      public void onComplete(ChatCompletion completion) {
        outcome.set(completion);
      }

      @Override
      public void onError(ChatWireException error) {
        outcome.set(error);
      }
    });
    CallEnv env = new CallEnv(transport, time, Timeouts.defaults(), RetryPolicy.none(),
        EventListener.NONE,
        () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/v1")).build());
    RealCall<ChatCompletion> call = new RealCall<>(env, sink, new RealCall.Callback<>() {
      @Override
      public void onSuccess(ChatCompletion result) {
        sink.end(result, null);
      }

      @Override
      public void onFailure(ChatWireException error) {
        sink.end(null, error);
      }
    });
    sink.attach(call);
    call.start();
    WireEvents events = transport.events;
    assertThat(events).isNotNull();
    events.connected();
    events.head(200, Headers.builder().add("Content-Type", "text/event-stream").build());

    // The model's pace: 20 ms between tokens. After each event the parser is gone.
    for (String token : new String[] {"Hel", "lo"}) {
      time.advance(Duration.ofMillis(20));
      events.body(event(ClientHarness.chunkJson(token)), null);
      assertThat(sink.holdsParser()).as("after %s", token).isFalse();
    }
    // Events back to back: the parser stays from one to the next.
    events.body(event(ClientHarness.chunkJson(",")), null);
    assertThat(sink.holdsParser()).isTrue();
    events.body(event(ClientHarness.chunkJson(" you")), null);
    assertThat(sink.holdsParser()).isTrue();
    // Slow again, in the middle of a read: still read whole.
    time.advance(Duration.ofMillis(5));
    byte[] split =
        ("data: " + ClientHarness.chunkJson("!") + "\n\n").getBytes(StandardCharsets.UTF_8);
    events.body(ByteBuffer.wrap(split, 0, 9), null);
    events.body(ByteBuffer.wrap(split, 9, split.length - 9), null);
    assertThat(sink.holdsParser()).isFalse();
    events.body(event(ClientHarness.finishJson()), null);
    events.body(event("[DONE]"), null);
    events.end();

    assertThat(outcome.get()).isInstanceOf(ChatCompletion.class);
    ChatCompletion completion = (ChatCompletion) outcome.get();
    assertThat(completion.getChoices().get(0).getMessage().getContent()).isEqualTo("Hello, you!");
    assertThat(chunks).hasSize(6);
    assertThat(sink.holdsParser()).isFalse(); // closed at [DONE]
  }

  private static ByteBuffer event(String data) {
    return ByteBuffer.wrap(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
