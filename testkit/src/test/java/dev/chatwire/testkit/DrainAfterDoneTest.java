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
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body kept open after {@code [DONE]}: the call succeeds one grace after it, and the exchange is
 * cancelled one grace later still, unless the transport reports the end meanwhile (virtual time).
 */
class DrainAfterDoneTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final RealCallTest.ManualTransport transport = new RealCallTest.ManualTransport();
  private final AtomicReference<@Nullable Object> outcome = new AtomicReference<>();
  private WireEvents events;

  @BeforeEach
  void startAStreamUpToDone() {
    StreamSink sink = new StreamSink(chunk -> { });
    CallEnv env = new CallEnv(transport, time, Timeouts.defaults(), RetryPolicy.none(),
        EventListener.NONE,
        () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/v1")).build());
    RealCall<ChatCompletion> call = new RealCall<>(env, sink, new RealCall.Callback<>() {
      @Override
      public void onSuccess(ChatCompletion result) {
        outcome.set(result);
      }

      @Override
      public void onFailure(ChatWireException error) {
        outcome.set(error);
      }
    });
    sink.attach(call);
    call.start();
    WireEvents e = transport.events;
    assertThat(e).isNotNull();
    events = e;
    events.connected();
    events.head(200, Headers.builder().add("Content-Type", "text/event-stream").build());
    events.body(event(ClientHarness.chunkJson("done")), null);
    events.body(event(ClientHarness.finishJson()), null);
    events.body(event("[DONE]"), null);
  }

  @Test
  void aBodyHeldOpenIsCancelledOneGraceAfterTheCallSucceeded() {
    time.advance(Duration.ofMillis(999));
    assertThat(outcome.get()).isNull();
    time.advance(Duration.ofMillis(1));
    assertThat(outcome.get()).isInstanceOf(ChatCompletion.class);
    assertThat(transport.cancels.get()).as("not at the moment the call succeeds").isZero();
    time.advance(Duration.ofSeconds(1));
    assertThat(transport.cancels.get()).isEqualTo(1);
  }

  @Test
  void anEndReportedWithinTheSecondGraceIsNotCancelled() {
    time.advance(Duration.ofSeconds(1));
    assertThat(outcome.get()).isInstanceOf(ChatCompletion.class);
    time.advance(Duration.ofMillis(500));
    events.end(); // the transport had read the end; it reports it now
    time.advance(Duration.ofSeconds(5));
    assertThat(transport.cancels.get()).isZero();
  }

  private static ByteBuffer event(String data) {
    return ByteBuffer.wrap(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
