package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletion;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body kept open after {@code [DONE]}: the call succeeds one grace after it, and the exchange is
 * cancelled one grace later still, unless the transport reports the end meanwhile (virtual time).
 */
class DrainAfterDoneTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final RealCallTest.ManualTransport transport = new RealCallTest.ManualTransport();
  private final ManualStream stream = new ManualStream(transport, time, chunk -> { });

  @BeforeEach
  void streamUpToDone() {
    stream.events.body(ManualStream.event(ClientHarness.chunkJson("done")), null);
    stream.events.body(ManualStream.event(ClientHarness.finishJson()), null);
    stream.events.body(ManualStream.event("[DONE]"), null);
  }

  @Test
  void aBodyHeldOpenIsCancelledOneGraceAfterTheCallSucceeded() {
    time.advance(Duration.ofMillis(999));
    assertThat(stream.outcome.get()).isNull();
    time.advance(Duration.ofMillis(1));
    assertThat(stream.outcome.get()).isInstanceOf(ChatCompletion.class);
    assertThat(transport.cancels.get()).as("not at the moment the call succeeds").isZero();
    time.advance(Duration.ofSeconds(1));
    assertThat(transport.cancels.get()).isEqualTo(1);
  }

  @Test
  void anEndReportedWithinTheSecondGraceIsNotCancelled() {
    time.advance(Duration.ofSeconds(1));
    assertThat(stream.outcome.get()).isInstanceOf(ChatCompletion.class);
    time.advance(Duration.ofMillis(500));
    stream.events.end(); // the transport had read the end; it reports it now
    time.advance(Duration.ofSeconds(5));
    assertThat(transport.cancels.get()).isZero();
  }
}
