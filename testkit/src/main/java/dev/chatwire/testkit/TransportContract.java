package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.testkit.internal.Sockets;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The transport contract: what every {@link dev.chatwire.transport.Transport} must do, judged by
 * what a {@link ChatServer} on loopback observes rather than by counting calls. A transport module
 * runs it by extending this class in its tests:
 *
 * <pre>{@code
 * class JdkTransportContractTest extends TransportContract {
 *   @Override protected Transport newTransport() { return JdkTransport.create(); }
 *   @Override protected boolean promisesNoThreadPerStream() { return true; }
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * class MyTransportContractTest : TransportContract() {
 *   override fun newTransport(): Transport = MyTransport()
 * }
 * }</pre>
 *
 * <p>The properties: each event is delivered while the server still holds the next; without
 * demand the transport stops reading; cancel() from any thread releases the connection, is
 * idempotent and unblocks a waiting request(); exactly one terminal call, onError(IOException)
 * for refused, closed and reset connections; onResponse first with case-insensitive and repeated
 * header fields; request and response bytes arrive exactly; 50 concurrent streams complete (with
 * a flat thread count for transports that promise it); a hanging connect is never reported
 * connected (core's connect timer runs until onConnected) and ends on cancel(); a wire that
 * carries a caller's start ({@link Wire#carriesOnCaller()}) returns from it only once it reported
 * the head, ends it on a cancel from another thread, and leaves the caller's interrupt status as
 * it found it. What core's
 * exchange driver promises ({@link DriverContract}): a throwing handler gets one onError, execute()
 * after close() throws IllegalStateException, demand after cancel() delivers nothing, re-entrant
 * request() never nests calls, bytes before a break come before its onError. Hostile servers
 * ({@link HostileServerContract}): a header line without a colon ends at once, broken chunk
 * framing keeps the bytes before it, a redirect is never followed, a non-ASCII header value is
 * refused, never cut to a byte. Every test also checks, through its handler, that onConnected
 * comes at most once before onResponse, onResponse first and once, onBody only against demand and
 * never empty, nothing after the terminal call, and no two handler calls at once.
 */
public abstract class TransportContract extends HostileServerContract {
  private static final int STREAMS = 50;
  private static final int THREAD_ALLOWANCE = 8;

  /** Creates the contract; the subclass provides the transport. */
  protected TransportContract() {}

  /** onResponse comes first, with the status and every header field, case-insensitively. */
  @Test
  public void deliversStatusAndHeadersFirst() {
    server.enqueue(MockResponse.json("{\"ok\":true}").status(201)
        .header("X-Request-Id", "req_123")
        .addHeader("X-Multi", "a")
        .addHeader("x-multi", "b"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertComplete(handler);
    assertThat(handler.calls().get(0)).isEqualTo("onResponse(201)");
    Headers headers = handler.headers();
    assertThat(headers.get("x-request-id")).isEqualTo("req_123");
    assertThat(headers.get("X-REQUEST-ID")).isEqualTo("req_123");
    assertThat(headers.values("X-Multi")).containsExactly("a", "b");
    assertThat(headers.get("content-type")).isEqualTo("application/json");
    assertThat(handler.bodyUtf8()).isEqualTo("{\"ok\":true}");
  }

  /** An error status is a response like any other: a transport maps nothing. */
  @Test
  public void deliversAnErrorStatusWithItsBody() {
    String error = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}";
    server.enqueue(MockResponse.error(429, error).header("Retry-After", "2"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertComplete(handler);
    assertThat(handler.status()).isEqualTo(429);
    assertThat(handler.headers().get("retry-after")).isEqualTo("2");
    assertThat(handler.bodyUtf8()).isEqualTo(error);
  }

  /** The server receives the method, target, header fields and body bytes as given. */
  @Test
  public void sendsMethodTargetHeadersAndBodyAsGiven() {
    byte[] body = "{\"messages\":[{\"role\":\"user\",\"content\":\"héllo ✓\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    server.enqueue(MockResponse.json("{}"));
    HttpRequest request = HttpRequest.builder()
        .method("POST")
        .uri(server.url("/openai/deployments/gpt/chat/completions?api-version=2024-10-21"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer sk-test")
        .header("X-Repeat", "1")
        .header("X-Repeat", "2")
        .body(body)
        .build();

    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, request);
    handler.request(1);
    assertComplete(handler);

    RecordedRequest recorded = takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("POST");
    assertThat(recorded.getTarget())
        .isEqualTo("/openai/deployments/gpt/chat/completions?api-version=2024-10-21");
    assertThat(recorded.getHeader("authorization")).isEqualTo("Bearer sk-test");
    assertThat(recorded.getHeader("content-type")).isEqualTo("application/json");
    assertThat(recorded.getHeaders().values("x-repeat")).containsExactly("1", "2");
    assertThat(recorded.getBody()).isEqualTo(body);
  }

  /** A GET without a body arrives as a GET without a body. */
  @Test
  public void sendsAGetWithoutABody() {
    server.enqueue(MockResponse.json("{\"data\":[]}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, HttpRequest.builder().uri(server.url("/v1/models")).build());
    handler.request(1);
    assertComplete(handler);

    RecordedRequest recorded = takeRequest();
    assertThat(recorded.getMethod()).isEqualTo("GET");
    assertThat(recorded.getBodySize()).isZero();
    assertThat(handler.bodyUtf8()).isEqualTo("{\"data\":[]}");
  }

  /** A 5 MB request body arrives byte for byte. */
  @Test
  public void sendsALargeRequestBodyByteExact() {
    byte[] body = new byte[5 * MB];
    new Random(20240601).nextBytes(body);
    server.enqueue(MockResponse.json("{}"));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, post("/v1/upload").toBuilder().body(body).build());
    handler.request(1);
    assertComplete(handler);

    byte[] received = takeRequest().getBody();
    assertThat(received.length).isEqualTo(body.length);
    assertThat(Arrays.mismatch(received, body)).as("first differing byte").isEqualTo(-1);
  }

  /** A 20 MB response body arrives byte for byte, in order. */
  @Test
  public void receivesALargeBodyByteExact() {
    long size = 20L * MB;
    server.enqueue(MockResponse.patterned(size));
    RecordingHandler handler = RecordingHandler.checkingPattern().autoRequest();
    handler.start(transport, post("/v1/large"));
    handler.request(1);

    assertComplete(handler);
    assertThat(handler.bodyBytes()).isEqualTo(size);
  }

  /**
   * 50 streams open at once all complete; for a transport that promises it, the JVM's thread
   * count with 50 open streams exceeds that with one by a small constant only.
   */
  @Test
  public void runsFiftyConcurrentStreams() {
    server.enqueue(MockResponse.sse("warm-up"));
    RecordingHandler warmUp = RecordingHandler.collecting().autoRequest();
    warmUp.start(transport, post("/v1/chat/completions"));
    warmUp.request(1);
    assertComplete(warmUp);

    Gate gate = new Gate();
    MockResponse held = MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultAtEvent(1, Fault.stallUntil(gate));
    List<RecordingHandler> handlers = new ArrayList<>();
    int threadsWithOne = 0;
    for (int i = 0; i < STREAMS; i++) {
      server.enqueue(held);
      // One unit of demand only while the server holds event 1: a blocking transport reads on
      // the thread that asks, and this thread must not wait there for the held event.
      RecordingHandler handler = RecordingHandler.collecting();
      handler.start(transport, post("/v1/chat/completions"));
      handler.request(1);
      handlers.add(handler);
      if (i == 0) {
        assertThat(handler.awaitBodyCalls(1, WAIT)).as("first event: %s", handler).isTrue();
        threadsWithOne = liveThreads();
      }
    }
    for (RecordingHandler handler : handlers) {
      assertThat(handler.awaitBodyCalls(1, WAIT)).as("first event: %s", handler).isTrue();
    }
    int threadsWithAll = liveThreads();
    gate.release();

    for (RecordingHandler handler : handlers) {
      handler.autoRequest().request(1);
      assertComplete(handler);
      assertThat(handler.bodyUtf8()).isEqualTo(sseText("{\"n\":0}", "{\"n\":1}", "[DONE]"));
    }
    if (promisesNoThreadPerStream()) {
      assertThat(threadsWithAll - threadsWithOne)
          .as("threads added by %s more open streams (%s with one)", STREAMS - 1, threadsWithOne)
          .isLessThanOrEqualTo(THREAD_ALLOWANCE);
    }
  }

  private static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /**
   * A connect that hangs reports nothing (no onConnected: core's connect timer runs until then)
   * and ends with one onError on cancel(). The hanging endpoint is a loopback listener with a full
   * accept queue (the kernel then drops SYNs); where the kernel refuses such connects instead, the
   * test is skipped.
   */
  @Test
  public void aHangingConnectIsNeverReportedConnectedAndEndsOnCancel() throws IOException {
    try (Sockets.Unresponsive listener = Sockets.unresponsiveListener()) {
      assumeTrue(listener != null, "cannot make a connect hang on this machine");
      URI uri = URI.create(
          "http://127.0.0.1:" + listener.address().getPort() + "/v1/chat/completions");
      RecordingHandler handler = RecordingHandler.collecting();
      handler.start(transport, post("/").toBuilder().uri(uri).build());

      handler.cancel();

      if (!handler.awaitTerminal(WAIT)) fail("cancel() did not end a hanging connect: " + handler);
      assertThat(handler.isConnected()).isFalse();
      assertThat(handler.calls()).hasSize(1);
      assertThat(handler.error()).isNotNull();
      assertThat(handler.violations()).as("contract violations").isEmpty();
    }
  }

  /** A slow response is not bounded by anything in the transport: core owns every timer. */
  @Test
  public void aSlowResponseArrivesWithoutATransportTimer() {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stall(Duration.ofSeconds(1))));
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();

    handler.start(transport, post("/v1/chat/completions"));
    handler.request(1);

    assertComplete(handler);
    assertThat(handler.isConnected()).isTrue();
    assertThat(handler.bodyUtf8()).isEqualTo("{}");
  }
  /**
   * A wire that carries a caller's start returns from {@link Wire#startOnCaller()} only once it
   * reported the head: the caller would otherwise wait for a head another thread reads. Skipped
   * for a wire that does not carry one.
   */
  @Test
  public void aCarriedStartReturnsOnlyOnceItReportedTheHead() throws InterruptedException {
    Gate gate = new Gate();
    try {
      server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
      WireRecord events = new WireRecord();
      Wire wire = transport.open(post("/v1/chat/completions"), events);
      assumeTrue(wire.carriesOnCaller(), "the wire does not carry a caller's start");
      Thread caller = Thread.currentThread();
      Thread releaser = new Thread(() -> {
        // The head is let go once the server has the request and the caller is inside
        // startOnCaller(): a wire that returned at once has no head to show.
        server.takeRequest(WAIT);
        long end = System.nanoTime() + WAIT.toNanos();
        while (!inStartOnCaller(caller) && System.nanoTime() < end) Thread.yield();
        gate.release();
      }, "head-releaser");
      releaser.start();

      wire.startOnCaller();

      assertThat(events.status)
          .as("the head, reported before startOnCaller() returned (error: %s)", events.error)
          .isEqualTo(200);
      wire.cancel();
      releaser.join(WAIT.toMillis());
    } finally {
      gate.release();
    }
  }

  /**
   * cancel() from another thread ends a carried start while its head is awaited, releases the
   * connection, and leaves the carrier's interrupt status clear: whatever the wire did to end it
   * (the JDK's interrupts its carrier) is not the caller's to see.
   */
  @Test
  public void aCancelFromAnotherThreadEndsACarriedStartAndLeavesNoInterrupt() throws Exception {
    try (Carried c = carryWhileTheHeadIsHeldBack()) {
      c.wire.cancel();

      assertThat(c.interruptedAfter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .as("the carrier's interrupt status once startOnCaller() returned").isFalse();
      assertThat(c.request.awaitClosed(WAIT)).as("the connection was released").isTrue();
      assertThat(c.events.status).as("no head").isEqualTo(-1);
    }
  }

  /**
   * A caller interrupted while it carries a start, and cancelled right after (core's answer to
   * the interrupt, or a timeout), keeps its interrupt status: the user's signal is never lost.
   */
  @Test
  public void aCallerInterruptedWhileItCarriesAStartKeepsItsInterrupt() throws Exception {
    try (Carried c = carryWhileTheHeadIsHeldBack()) {
      c.carrier.interrupt();
      c.wire.cancel();

      assertThat(c.interruptedAfter.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .as("the caller's interrupt status once startOnCaller() returned").isTrue();
      assertThat(c.request.awaitClosed(WAIT)).as("the connection was released").isTrue();
    }
  }

  /** Whether {@code thread} is inside a wire's {@code startOnCaller()}. */
  private static boolean inStartOnCaller(Thread thread) {
    for (StackTraceElement frame : thread.getStackTrace()) {
      if (frame.getMethodName().equals("startOnCaller")) return true;
    }
    return false;
  }

  /**
   * A wire's start carried by a thread of its own, while the server holds its head back until
   * {@link #close()}.
   */
  private static final class Carried implements AutoCloseable {
    final Gate gate = new Gate();
    final WireRecord events = new WireRecord();
    final Wire wire;
    /** Whether the carrier's interrupt status is set once startOnCaller() returned. */
    final CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
    final Thread carrier;
    final RecordedRequest request;

    Carried(Transport transport, HttpRequest http, ChatServer server) {
      server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.stallUntil(gate)));
      wire = transport.open(http, events);
      assumeTrue(wire.carriesOnCaller(), "the wire does not carry a caller's start");
      carrier = new Thread(() -> {
        wire.startOnCaller();
        interruptedAfter.complete(Thread.currentThread().isInterrupted());
      }, "carrier");
      carrier.start();
      RecordedRequest r = server.takeRequest(WAIT);
      if (r == null) {
        gate.release();
        fail("the request was not sent");
      }
      request = r;
    }

    @Override
    public void close() {
      gate.release();
    }
  }

  private Carried carryWhileTheHeadIsHeldBack() {
    return new Carried(transport, post("/v1/chat/completions"), server);
  }

  /** What a wire reported, for the carried-start tests. */
  private static final class WireRecord implements WireEvents {
    volatile int status = -1;
    volatile @Nullable IOException error;

    @Override
    public void connected() {}

    @Override
    public void head(int status, Headers headers) {
      this.status = status;
    }

    @Override
    public void body(ByteBuffer bytes, @Nullable Object token) {}

    @Override
    public void readComplete() {}

    @Override
    public void end() {}

    @Override
    public void error(IOException error) {
      this.error = error;
    }
  }
}
