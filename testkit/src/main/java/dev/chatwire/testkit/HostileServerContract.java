package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.testkit.internal.RecordingHandler;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a transport does with a server that breaks HTTP, and with values it must not send: each
 * case one behaviour on every transport. Extend {@link TransportContract}, not this.
 */
abstract class HostileServerContract extends DriverContract {
  private static final String TWO_EVENTS = "data: {\"n\":0}\n\ndata: {\"n\":1}\n\n";

  /**
   * Whether the bytes decoded in the same read as a broken chunk frame reach the handler. False
   * for java.net.http, whose chunked decoder drops what it decoded from the read that held the
   * break before its subscriber sees it; bytes of earlier reads are kept there too.
   */
  protected boolean keepsBytesReadWithABrokenFrame() {
    return true;
  }

  /**
   * A header line without a colon never hangs the exchange: the transport either ignores the
   * line (java.net.http, Netty) or ends at once with one onError caused by a {@link
   * java.net.ProtocolException} (OkHttp), never untyped and never at a timer.
   */
  @Test
  public void aHeaderLineWithoutAColonEndsAtOnceAsAResponseOrAProtocolError() {
    server.enqueue(MockResponse.raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        + "this line has no colon\r\nContent-Length: 2\r\n\r\n{}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertThat(handler.awaitTerminal(WAIT)).as("ended: %s", handler).isTrue();
    IOException error = handler.error();
    if (error == null) {
      assertComplete(handler);
      assertThat(handler.bodyUtf8()).isEqualTo("{}");
    } else {
      assertThat(handler.status()).isEqualTo(-1);
      assertThat(causes(error, java.net.ProtocolException.class))
          .as("a ProtocolException in %s", error).isTrue();
    }
  }

  /** Chunked framing that breaks after two events: those bytes arrive, then one onError. */
  @Test
  public void bytesBeforeBrokenChunkFramingAreDeliveredBeforeTheError() {
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n";
    String chunk = Integer.toHexString(TWO_EVENTS.length()) + "\r\n" + TWO_EVENTS + "\r\n";
    server.enqueue(MockResponse.raw(head + chunk + "zz-not-a-size\r\n"));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post("/v1/chat/completions"));
    assertThat(handler.awaitResponse(WAIT)).as("the head: %s", handler).isTrue();
    assertThat(takeRequest().awaitClosed(WAIT)).as("the server closed").isTrue();

    handler.autoRequest().request(1);

    assertError(handler);
    if (keepsBytesReadWithABrokenFrame()) {
      assertThat(handler.bodyUtf8()).isEqualTo(TWO_EVENTS);
    } else {
      assertThat(TWO_EVENTS).startsWith(handler.bodyUtf8());
    }
  }

  /** A redirect is handed to the caller as it is: never followed, the request sent once. */
  @Test
  public void aRedirectIsNeverFollowed() {
    server.enqueue(MockResponse.json("{}").status(307)
        .header("Location", server.url("/v1/chat/completions").toString()));
    server.enqueue(MockResponse.json("{\"followed\":true}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertComplete(handler);
    assertThat(handler.status()).isEqualTo(307);
    assertThat(handler.headers().get("location")).endsWith("/v1/chat/completions");
    assertThat(server.getRequestCount()).as("requests the server received").isEqualTo(1);
  }

  /** A value no transport may carry (U+200B) is refused, never cut to a byte on the wire. */
  @Test
  public void aNonAsciiHeaderValueIsRefusedNeverTruncated() {
    server.enqueue(MockResponse.json("{}"));
    RecordingHandler handler = RecordingHandler.collecting();

    assertThatThrownBy(() -> handler.start(transport, post("/v1/chat/completions").toBuilder()
        .header("Authorization", "Bearer sk-zero\u200bwidth").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Authorization")
        .hasMessageNotContaining("sk-zero");
    assertThat(server.takeRequest(Duration.ZERO)).isNull();
  }

  private static boolean causes(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }
}
