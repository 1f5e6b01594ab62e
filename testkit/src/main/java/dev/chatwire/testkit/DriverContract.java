package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.testkit.internal.RecordingHandler;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What core's exchange driver promises on every transport: a throwing handler, use after close,
 * demand after cancel, re-entrant demand, and bytes before a failure. Extend {@link
 * TransportContract}, not this.
 */
abstract class DriverContract extends StreamingContract {

  /** A handler that throws in onResponse gets one onError with what it threw; nothing else. */
  @Test
  public void aHandlerThrowingInOnResponseGetsOneErrorAndTheConnectionCloses() {
    server.enqueue(MockResponse.patterned(4L * MB));
    IllegalStateException bug = new IllegalStateException("handler bug");
    RecordingHandler handler = RecordingHandler.checkingPattern().afterResponse(h -> {
      throw bug;
    });

    handler.start(transport, post("/v1/large"));

    IOException error = assertError(handler);
    assertThat(error).hasCause(bug);
    assertThat(handler.calls()).hasSize(2);
    assertThat(takeRequest().awaitClosed(WAIT)).as("the connection was closed").isTrue();
  }

  /** A handler that throws in onBody: one onError, and request() never rethrows it. */
  @Test
  public void aHandlerThrowingInOnBodyGetsOneErrorAndRequestNeverThrows() {
    server.enqueue(MockResponse.patterned(4L * MB));
    IllegalStateException bug = new IllegalStateException("handler bug");
    RecordingHandler handler = RecordingHandler.checkingPattern().afterEachBody(h -> {
      throw bug;
    });
    handler.start(transport, post("/v1/large"));
    assertThat(handler.awaitResponse(WAIT)).isTrue();

    handler.request(1);
    handler.request(3);

    IOException error = assertError(handler);
    assertThat(error).hasCause(bug);
    assertThat(handler.bodyCalls()).isEqualTo(1);
    assertThat(takeRequest().awaitClosed(WAIT)).as("the connection was closed").isTrue();
  }

  /** After close(), execute() throws IllegalStateException at once and nothing is sent. */
  @Test
  public void executeAfterCloseThrowsAndSendsNothing() {
    server.enqueue(MockResponse.json("{\"sent\":true}"));
    transport.close();
    transport.close();

    assertThatThrownBy(() -> RecordingHandler.collecting()
        .start(transport, post("/v1/chat/completions")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(server.takeRequest(Duration.ZERO)).isNull();
  }

  /** Demand signalled after cancel() is ignored: no body call, only the one onError. */
  @Test
  public void demandAfterCancelDeliversNothing() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post("/v1/chat/completions"));
    assertThat(handler.awaitResponse(WAIT)).isTrue();

    handler.cancel();
    handler.request(5);

    assertError(handler);
    assertThat(handler.bodyCalls()).isZero();
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  /** request() inside onResponse and onBody only adds demand: calls never nest, all arrive. */
  @Test
  public void reentrantRequestsNeverNestHandlerCalls() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}", "{\"n\":2}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest()
        .afterResponse(h -> h.request(1));

    handler.start(transport, post("/v1/chat/completions"));

    assertComplete(handler);
    assertThat(handler.bodyUtf8())
        .isEqualTo(sseText("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "[DONE]"));
  }

  /** Bytes that arrived before the connection broke are delivered before the one onError. */
  @Test
  public void bytesReceivedBeforeABreakAreDeliveredBeforeTheError() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}", "{\"n\":2}")
        .faultAtEvent(2, Fault.close()));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post("/v1/chat/completions"));
    assertThat(handler.awaitResponse(WAIT)).isTrue();
    RecordedRequest request = takeRequest();
    assertThat(request.awaitClosed(WAIT)).as("the server closed the connection").isTrue();

    handler.autoRequest().request(1);

    assertError(handler);
    assertThat(handler.bodyUtf8()).isEqualTo(sseText("{\"n\":0}", "{\"n\":1}"));
  }
}
