package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.testkit.internal.Sockets;
import dev.chatwire.testkit.internal.Waits;
import dev.chatwire.transport.Exchange;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The streaming half of the transport contract: immediate delivery, demand, cancellation and
 * terminal calls. Extend {@link TransportContract}, not this.
 */
abstract class StreamingContract extends ContractSupport {

  // Delivery and demand.

  /** Event 1 is delivered while the server still holds event 2 back: nothing waits for more. */
  @Test
  public void deliversEachEventBeforeTheServerSendsTheNext() {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}", "{\"n\":2}")
        .faultAtEvent(1, Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest().afterEachBody(h -> {
      if (h.bodyUtf8().contains(sseText("{\"n\":0}"))) gate.release();
    });

    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    if (!handler.awaitTerminal(WAIT)) {
      fail("event 0 was not delivered while the server held event 1 back: " + handler);
    }
    assertComplete(handler);
    assertThat(handler.bodyUtf8())
        .isEqualTo(sseText("{\"n\":0}", "{\"n\":1}", "{\"n\":2}", "[DONE]"));
  }

  /** Without demand the transport stops reading: the server manages only socket buffers' worth. */
  @Test
  public void stopsReadingWithoutDemandAndResumesWithIt() throws InterruptedException {
    long size = 64L * MB;
    server.enqueue(MockResponse.patterned(size));
    RecordingHandler handler = RecordingHandler.checkingPattern();
    handler.start(transport, post("/v1/large"));
    handler.request(3);
    assertThat(handler.awaitBodyCalls(3, WAIT)).as("three body calls: %s", handler).isTrue();
    RecordedRequest request = takeRequest();

    long written = Waits.awaitQuiet(
        request::getResponseBytesWritten, size, Duration.ofMillis(500), WAIT);

    assertThat(written).as("bytes the server wrote to a consumer that stopped asking")
        .isLessThan(16L * MB);
    assertThat(handler.bodyCalls()).as("body calls for a demand of 3").isEqualTo(3);
    handler.autoRequest().request(1);
    assertComplete(handler);
    assertThat(handler.bodyBytes()).isEqualTo(size);
  }

  /** A body sent one byte per write arrives whole. */
  @Test
  public void deliversADrippedBodyIntact() {
    String text = sseText("{\"choices\":[{\"delta\":{\"content\":\"héllo ✓\"}}]}", "[DONE]");
    server.enqueue(MockResponse.body(text).drip());
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertComplete(handler);
    assertThat(handler.bodyUtf8()).isEqualTo(text);
  }

  /** Demand signalled from another thread never makes two handler calls overlap. */
  @Test
  public void handlerCallsNeverOverlapWhenDemandComesFromAnotherThread() {
    server.enqueue(MockResponse.patterned(4000).throttle(7, Duration.ZERO));
    RecordingHandler handler = RecordingHandler.checkingPattern();
    handler.start(transport, post("/v1/drip"));

    for (int calls = 0; !handler.awaitTerminal(Duration.ZERO); calls++) {
      handler.request(1);
      int expected = calls + 1;
      if (!handler.await(() -> handler.bodyCalls() >= expected || handler.error() != null
          || handler.isCompleted(), WAIT)) {
        fail("no body call for a unit of demand: " + handler);
      }
    }

    assertComplete(handler);
    assertThat(handler.bodyBytes()).isEqualTo(4000);
  }

  // Cancellation.

  /** cancel() from another thread makes the server see the connection closed. */
  @Test
  public void cancelFromAnotherThreadReleasesTheConnection() throws InterruptedException {
    server.enqueue(MockResponse.patterned(64L * MB));
    RecordingHandler handler = RecordingHandler.checkingPattern();
    handler.start(transport, post("/v1/large"));
    handler.request(1);
    assertThat(handler.awaitBodyCalls(1, WAIT)).as("a body call: %s", handler).isTrue();
    RecordedRequest request = takeRequest();

    Thread canceller = new Thread(handler::cancel, "contract-cancel");
    canceller.start();
    canceller.join(WAIT.toMillis());

    assertThat(request.awaitClosed(Duration.ofSeconds(5)))
        .as("the server saw the connection closed after cancel()").isTrue();
    handler.request(2);
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  /** cancel() before the response head arrives releases the connection too. */
  @Test
  public void cancelBeforeTheResponseReleasesTheConnection() {
    Gate gate = new Gate();
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post("/v1/chat/completions"));
    RecordedRequest request = takeRequest();

    handler.cancel();

    assertThat(request.awaitClosed(Duration.ofSeconds(5)))
        .as("the server saw the connection closed after cancel()").isTrue();
    gate.release();
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  /** cancel() is idempotent and safe from several threads at once. */
  @Test
  public void cancelIsIdempotentFromManyThreads() throws InterruptedException {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(new Gate())));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);
    assertThat(handler.awaitBodyCalls(1, WAIT)).as("a body call: %s", handler).isTrue();
    RecordedRequest request = takeRequest();

    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> {
        try {
          go.await();
          handler.cancel();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "contract-cancel-" + i);
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) t.join(WAIT.toMillis());
    handler.cancel();

    assertThat(request.awaitClosed(Duration.ofSeconds(5))).as("connection closed").isTrue();
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  /** A request() blocked on another thread (in a blocking transport) returns after cancel(). */
  @Test
  public void cancelUnblocksARequestWaitingOnAnotherThread() throws InterruptedException {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(new Gate())));
    RecordingHandler handler = RecordingHandler.collecting();
    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);
    assertThat(handler.awaitBodyCalls(1, WAIT)).as("a body call: %s", handler).isTrue();
    RecordedRequest request = takeRequest();
    CountDownLatch returned = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      handler.request(1);
      returned.countDown();
    }, "contract-reader");
    reader.start();
    // A non-blocking transport returns at once; give a blocking one time to block in its read.
    returned.await(300, TimeUnit.MILLISECONDS);

    handler.cancel();

    assertThat(returned.await(5, TimeUnit.SECONDS)).as("request() returned after cancel()").isTrue();
    assertThat(request.awaitClosed(Duration.ofSeconds(5))).as("connection closed").isTrue();
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  // Terminal calls.

  /** onComplete once after the whole body; request() and cancel() after it change nothing. */
  @Test
  public void completesOnceAfterTheFullBody() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    Exchange exchange = handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertComplete(handler);
    exchange.request();
    exchange.request();
    exchange.cancel();

    assertThat(handler.bodyUtf8()).isEqualTo(sseText("{\"n\":0}", "{\"n\":1}", "[DONE]"));
    List<String> calls = handler.calls();
    assertThat(calls.get(0)).isEqualTo("onResponse(200)");
    assertThat(calls.get(calls.size() - 1)).isEqualTo("onComplete");
    assertThat(handler.violations()).as("contract violations").isEmpty();
  }

  /** A refused connection is one onError and nothing else. */
  @Test
  public void connectionRefusedIsOneError() throws IOException {
    int port = Sockets.closedPort();
    RecordingHandler handler = RecordingHandler.collecting();

    handler.start(transport, post("/").toBuilder()
        .uri(URI.create("http://127.0.0.1:" + port + "/v1/chat/completions")).build());

    assertError(handler);
    assertThat(handler.calls()).hasSize(1);
  }

  /** The server closing a Content-Length body early is an error after the bytes it sent. */
  @Test
  public void serverClosingMidBodyIsOneErrorAfterTheBytesSent() {
    server.enqueue(MockResponse.patterned(MB).faultAtByte(300_000, Fault.close()));
    RecordingHandler handler = RecordingHandler.checkingPattern().autoRequest();
    handler.start(transport, post("/v1/large"));
    handler.request(1);

    assertError(handler);
    assertThat(handler.status()).isEqualTo(200);
    assertThat(handler.bodyBytes()).isEqualTo(300_000);
  }

  /** The server closing a chunked SSE stream between events is an error after those events. */
  @Test
  public void serverClosingMidStreamIsOneErrorAfterTheEventsSent() {
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}", "{\"n\":2}")
        .faultAtEvent(2, Fault.close()));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertError(handler);
    assertThat(handler.bodyUtf8()).isEqualTo(sseText("{\"n\":0}", "{\"n\":1}"));
  }

  /** A TCP reset mid-body is one onError. */
  @Test
  public void connectionResetIsOneError() {
    server.enqueue(MockResponse.patterned(MB).faultAtByte(100_000, Fault.reset()));
    RecordingHandler handler = RecordingHandler.checkingPattern().autoRequest();
    handler.start(transport, post("/v1/large"));
    handler.request(1);

    assertError(handler);
  }

  /** The server closing before any response is one onError. */
  @Test
  public void serverClosingBeforeTheResponseIsOneError() {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.close()));
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.close()));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertError(handler);
    assertThat(handler.status()).isEqualTo(-1);
  }
}
