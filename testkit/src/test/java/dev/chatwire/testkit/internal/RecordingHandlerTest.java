package dev.chatwire.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The recording handler on a transport whose head arrives before {@code execute} returns, as a
 * fast I/O thread can deliver it: demand or a cancel asked for in that first handler call is not
 * lost (the contract's re-entrant test failed now and then on Netty because it was).
 */
class RecordingHandlerTest {
  /** Reports the head inside start(), on the starting thread, before execute returns. */
  private static Transport headDuringStart(String body) {
    return new Transport() {
      @Override
      public Wire open(HttpRequest request, WireEvents events) {
        return new Wire() {
          private boolean sent;

          @Override
          public void start() {
            events.connected();
            events.head(200, Headers.EMPTY);
          }

          @Override
          public void read() {
            if (sent) {
              events.end();
            } else {
              sent = true;
              events.body(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), null);
              events.readComplete();
            }
          }

          @Override
          public void cancel() {}
        };
      }

      @Override
      public void close() {}
    };
  }

  private static HttpRequest request() {
    return HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/")).build();
  }

  @Test
  void demandAskedForInsideAnEarlyHeadIsPassedOn() {
    RecordingHandler handler = RecordingHandler.collecting().autoRequest()
        .afterResponse(h -> h.request(1));

    handler.start(headDuringStart("data: x\n\n"), request());

    assertThat(handler.error()).isNull();
    assertThat(handler.violations()).isEmpty();
    assertThat(handler.isCompleted()).isTrue();
    assertThat(handler.bodyUtf8()).isEqualTo("data: x\n\n");
  }

  @Test
  void aCancelInsideAnEarlyHeadIsPassedOn() {
    RecordingHandler handler = RecordingHandler.collecting().afterResponse(RecordingHandler::cancel);

    handler.start(headDuringStart("data: x\n\n"), request());

    assertThat(handler.isCompleted()).isFalse();
    assertThat(handler.error()).isNotNull();
    assertThat(handler.bodyCalls()).isZero();
  }
}
