package dev.chatwire.testkit;

import dev.chatwire.RetryPolicy;
import dev.chatwire.ChatWire;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.Scheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.EventListener;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.DecodeException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.FinishReason;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The client facing servers that answer oddly: a JSON body to a streaming request, an event
 * stream to a plain one, empty or HTML bodies with status 200, error statuses with event-stream
 * bodies, base URLs with queries, failing key suppliers, listeners that throw, retries that would
 * outlive the deadline, and consumers that pause. Runs as part of {@link ClientContract}.
 */
public abstract class ClientEdgeContract extends ClientProtocolContract {

  private static final String SSE_HEAD = "text/event-stream";

  @Test
  void aKeyWithoutAKnownPrefixIsMaskedWhereverAnErrorEchoesIt() {
    String key = "AbCdEf0123456789unprefixedKey";
    server.enqueue(MockResponse.error(401,
        "{\"error\":{\"message\":\"Invalid key " + key + "\",\"code\":\"invalid_api_key\"}}"));
    server.enqueue(MockResponse.sse(chunkJson("a"),
        "{\"error\":{\"message\":\"key " + key + " revoked\",\"type\":\"auth\"}}"));
    ChatWire c = client(b -> b.apiKey(key).retryPolicy(RetryPolicy.none()));
    ApiException plain = catchThrowableOfType(ApiException.class, () -> c.chat().create(request()));
    assertThat(plain.getMessage()).doesNotContain(key).contains("██");
    assertThat(plain.getError().getBody()).doesNotContain(key);
    ChatStream s = c.chat().stream(request());
    ApiException streamed = catchThrowableOfType(ApiException.class, s::getCompletion);
    assertThat(streamed.getMessage()).doesNotContain(key);
    assertThat(streamed.getError().getBody()).doesNotContain(key);
    s.close();
  }

  // ---- bodies that do not end ----------------------------------------------------------------

  @Test
  void aStreamKeptOpenAfterDoneFinishesAndReleasesTheConnection() throws Exception {
    Gate gate = new Gate();
    // Three events: two chunks and [DONE]; the server then holds the body open.
    server.enqueue(MockResponse.sse(chunkJson("all "), chunkJson("there"))
        .faultAtEvent(3, Fault.stallUntil(gate)));
    CompletableFuture<ChatCompletion> f =
        client(b -> b.scheduler(Scheduler.system())).chat().streamAsync(request(), chunk -> {});
    assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("all there");
    assertThat(server.takeRequest(WAIT).awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }

  @Test
  void anErrorBodyThatStopsFlowingStillGivesTheApiError() {
    Gate gate = new Gate();
    server.enqueue(MockResponse.error(400,
            "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\"}}"
                + "                                                                  ")
        .faultAtByte(60, Fault.stallUntil(gate)));
    ChatWire c = client(b -> b.scheduler(Scheduler.system())
        .timeouts(Timeouts.builder().idle(Duration.ofMillis(300)).build()));
    ApiException e = catchThrowableOfType(ApiException.class, () -> c.chat().create(request()));
    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.getType()).isEqualTo("invalid_request_error");
    assertThat(server.takeRequest(WAIT).awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }

  @Test
  void anOversizedErrorBodyIsCutAndStillGivesTheApiError() {
    // Well beyond what a transport reads ahead (a window queued behind a batch being parsed):
    // the client must stop reading it, not take it all and then cut it.
    StringBuilder filler = new StringBuilder();
    while (filler.length() < 2_000_000) filler.append("padding ");
    server.enqueue(MockResponse.error(503,
            "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"},\"x\":\""
                + filler + "\"}")
        .header("x-should-retry", "false"));
    ChatWire c = client();
    ApiException e = catchThrowableOfType(ApiException.class, () -> c.chat().create(request()));
    assertThat(e.getStatus()).isEqualTo(503);
    assertThat(e.getError().getBody()).hasSize(dev.chatwire.error.ApiError.MAX_BODY_CHARS);
    assertThat(e.getMessage()).doesNotContain("padding");
    assertThat(server.takeRequest(WAIT).awaitClosed(WAIT)).as("the connection was released").isTrue();
  }

  @Test
  void aResponseTimeoutIsRetriedBecauseNothingWasReceived() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.json(completionJson("late")).faultBeforeHeaders(Fault.stallUntil(gate)));
    server.enqueue(MockResponse.json(completionJson("second try")));
    java.util.concurrent.BlockingQueue<Duration> delays = new java.util.concurrent.LinkedBlockingQueue<>();
    CompletableFuture<ChatCompletion> f = client(b -> b
            .timeouts(Timeouts.builder().responseHeaders(Duration.ofSeconds(5)).build())
            .eventListener(new EventListener() {
              @Override
              public void retryScheduled(int next, Duration delay, ChatWireException reason) {
                assertThat(reason).isInstanceOf(ResponseTimeoutException.class);
                delays.add(delay);
              }
            }))
        .chat().createAsync(request());
    server.takeRequest(WAIT);
    time.advance(Duration.ofSeconds(5));
    Duration delay = delays.poll(10, TimeUnit.SECONDS);
    assertThat(delay).isNotNull();
    time.advance(delay);
    assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("second try");
    gate.release();
  }

  @Test
  void aServerAskingToWaitLongerThanAllowedIsNotRetried() {
    server.enqueue(MockResponse.error(429, "{\"error\":{\"message\":\"quota\"}}")
        .header("retry-after", "3600"));
    server.enqueue(MockResponse.json(completionJson("must not be used")));
    ChatWire c = client();
    assertThatThrownBy(() -> c.chat().create(request())).isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---- bodies of the other kind ------------------------------------------------------------

  @Test
  void aStreamAnsweredWithJsonYieldsOneChunkAndTheCompletion() {
    server.enqueue(MockResponse.json(completionJson("whole answer")));
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (ChatStream s = client().chat().stream(request())) {
      for (ChatCompletionChunk c : s) chunks.add(c);
      ChatCompletion c = s.getCompletion();
      assertThat(text(c)).isEqualTo("whole answer");
      assertThat(c.getUsage().getTotalTokens()).isEqualTo(5);
    }
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).getChoices().get(0).getDelta().getContent()).isEqualTo("whole answer");
    assertThat(chunks.get(0).getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void anAsyncStreamAnsweredWithJsonDeliversOneChunk() throws Exception {
    server.enqueue(MockResponse.json(completionJson("async whole")));
    List<String> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatCompletion> f = client().chat().streamAsync(request(),
        chunk -> seen.add(chunk.getChoices().get(0).getDelta().getContent()));
    assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("async whole");
    assertThat(seen).containsExactly("async whole");
  }

  @Test
  void aStreamAnsweredWithAJsonErrorOn200EndsWithTheApiError() {
    server.enqueue(MockResponse.json(
        "{\"error\":{\"message\":\"no capacity\",\"type\":\"server_error\",\"code\":\"busy\"}}"));
    ChatStream s = client().chat().stream(request());
    ApiException e = catchThrowableOfType(ApiException.class, s::getCompletion);
    assertThat(e.getCode()).isEqualTo("busy");
    assertThat(e.getStatus()).isEqualTo(200);
    s.close();
  }

  @Test
  void aPlainCallAnsweredWithAnEventStreamIsAccumulated() {
    server.enqueue(MockResponse.sse(chunkJson("str"), chunkJson("eamed"), finishJson()));
    ChatCompletion c = client().chat().create(request());
    assertThat(text(c)).isEqualTo("streamed");
    assertThat(c.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void anEmptyStreamBodyIsADecodeErrorNotAnEmptyCompletion() {
    server.enqueue(MockResponse.body("").header("Content-Type", SSE_HEAD));
    ChatStream s = client().chat().stream(request());
    assertThatThrownBy(s::getCompletion).isInstanceOf(DecodeException.class)
        .hasMessageContaining("no event");
    s.close();
  }

  @Test
  void anHtmlPageWithStatus200OnAStreamIsADecodeError() {
    server.enqueue(MockResponse.body("<html><body>Please sign in to the proxy</body></html>")
        .header("Content-Type", "text/html"));
    ChatStream s = client().chat().stream(request());
    DecodeException e = catchThrowableOfType(DecodeException.class, () -> s.iterator().hasNext());
    assertThat(e.getMessage()).doesNotContain("sign in");
    s.close();
  }

  @Test
  void bytesAfterDoneAreIgnored() {
    server.enqueue(MockResponse.body("data: " + chunkJson("kept") + "\n\ndata: [DONE]\n\n"
        + "data: " + chunkJson("dropped") + "\n\n").header("Content-Type", SSE_HEAD));
    try (ChatStream s = client().chat().stream(request())) {
      assertThat(text(s.getCompletion())).isEqualTo("kept");
    }
  }

  @Test
  void anErrorStatusWithAnEventStreamBodyIsParsed() {
    server.enqueue(MockResponse.sse(
            "{\"error\":{\"message\":\"bad model\",\"type\":\"invalid_request_error\",\"code\":\"model_not_found\"}}")
        .status(404).header("x-should-retry", "false"));
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> client().chat().stream(request()).getCompletion());
    assertThat(e.getStatus()).isEqualTo(404);
    assertThat(e.getCode()).isEqualTo("model_not_found");
    assertThat(e.getType()).isEqualTo("invalid_request_error");
  }

  // ---- configuration -----------------------------------------------------------------------

  @Test
  void aBaseUrlWithAQueryKeepsItAfterThePath() {
    server.enqueue(MockResponse.json(completionJson("ok")));
    server.enqueue(MockResponse.json(completionJson("ok")));
    String base = server.url("/v1").toString();
    client(b -> b.baseUrl(base + "?tenant=a").defaultQueryParameter("x", "1"))
        .chat().create(request());
    assertThat(take().getTarget()).isEqualTo("/v1/chat/completions?tenant=a&x=1");
    client(b -> b.baseUrl(base + "/?tenant=b")).chat().create(request());
    assertThat(take().getTarget()).isEqualTo("/v1/chat/completions?tenant=b");
  }

  @Test
  void aKeySupplierThatThrowsFailsTheCallWithATypedErrorWithoutItsMessage() throws Exception {
    IllegalStateException cause = new IllegalStateException("vault said " + SECRET);
    dev.chatwire.ChatWire c = client(b -> b.apiKey(() -> {
      throw cause;
    }));
    ChatWireException e = catchThrowableOfType(ChatWireException.class, () -> c.chat().create(request()));
    assertThat(e.getMessage()).doesNotContain(SECRET);
    // The cause would print the key in a log's stack trace: it is kept as a redacted copy.
    assertThat(e.getCause().getMessage())
        .startsWith("java.lang.IllegalStateException: vault said").doesNotContain(SECRET);
    assertThat(e.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
    CompletableFuture<ChatCompletion> f = c.chat().createAsync(request());
    ExecutionException async = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(async.getCause()).isInstanceOf(ChatWireException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aKeyWithALineBreakFailsTheCallWithoutSendingIt() {
    dev.chatwire.ChatWire c = client(b -> b.apiKey(SECRET + "\r\nX-Injected: 1"));
    ChatWireException e = catchThrowableOfType(ChatWireException.class, () -> c.chat().create(request()));
    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(e.getCause().getMessage()).doesNotContain(SECRET);
    assertThat(server.getRequestCount()).isZero();
  }

  // ---- retries and the deadline ------------------------------------------------------------

  @Test
  void aRetryThatWouldOutliveTheDeadlineFailsAtOnceWithTheRetryableError() throws Exception {
    server.enqueue(MockResponse.error(429, "{\"error\":{\"message\":\"slow down\"}}")
        .header("retry-after", "30"));
    CompletableFuture<ChatCompletion> f =
        client(b -> b.timeouts(Timeouts.builder().total(Duration.ofSeconds(10)).build()))
            .chat().createAsync(request());
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(RateLimitException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(time.pendingDelays()).isEmpty();
  }

  @Test
  void cancellingAFutureWhileARetryIsScheduledSendsNoRetry() throws Exception {
    server.enqueue(MockResponse.error(503, "{}").header("retry-after", "5"));
    server.enqueue(MockResponse.json(completionJson("must not be asked for")));
    CompletableFuture<Duration> scheduled = new CompletableFuture<>();
    CompletableFuture<ChatCompletion> f = client(b -> b.eventListener(new EventListener() {
      @Override
      public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
        scheduled.complete(delay);
      }
    })).chat().createAsync(request());
    assertThat(scheduled.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(5));
    assertThat(f.cancel(true)).isTrue();
    time.advance(Duration.ofSeconds(60));
    take();
    assertThat(server.takeRequest(Duration.ofMillis(200))).isNull();
    assertThat(time.pendingDelays()).isEmpty();
  }

  // ---- consumers ---------------------------------------------------------------------------

  @Test
  void aBlockingConsumerPausingLongerThanTheIdleTimeoutIsNotTimedOut() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), chunkJson("c"), finishJson()));
    List<String> texts = new ArrayList<>();
    try (ChatStream s = client(b -> b.timeouts(Timeouts.builder().idle(Duration.ofSeconds(5)).build()))
        .chat().stream(request())) {
      Iterator<ChatCompletionChunk> it = s.iterator();
      texts.add(it.next().getChoices().get(0).getDelta().getContent());
      time.advance(Duration.ofSeconds(30));
      while (it.hasNext()) {
        String t = it.next().getChoices().get(0).getDelta().getContent();
        if (t != null) texts.add(t);
        time.advance(Duration.ofSeconds(30));
      }
    }
    assertThat(texts).containsExactly("a", "b", "c");
  }

  @Test
  void aBlockingConsumerWaitingOnAStreamStalledAfterItsHeadIsTimedOut() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("never")).faultAtEvent(0, Fault.stallUntil(gate)));
    CountDownLatch head = new CountDownLatch(1);
    ChatStream s = client(b -> b.timeouts(Timeouts.builder().idle(Duration.ofSeconds(5)).build())
        .eventListener(new EventListener() {
          @Override
          public void responseHeaders(int status, dev.chatwire.transport.Headers headers) {
            head.countDown();
          }
        }))
        .chat().stream(request());
    ExecutorService consumer = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> next = consumer.submit(() -> s.iterator().hasNext());
      assertThat(head.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      // The idle time counts while the consumer waits; it starts waiting at some point in real
      // time, so the clock moves on until the timeout ends the wait (or the bound runs out).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!next.isDone() && System.nanoTime() < deadline) {
        time.advance(Duration.ofSeconds(5));
        try {
          next.get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException ignored) {
          // not yet, or done: the loop looks again
        }
      }
      assertThat(next).as("the waiting consumer was timed out").isDone();
      ExecutionException e = catchThrowableOfType(ExecutionException.class, next::get);
      assertThat(e.getCause()).isInstanceOf(IdleTimeoutException.class);
    } finally {
      gate.release();
      s.close();
      consumer.shutdownNow();
    }
    RecordedRequest r = take();
    assertThat(r.awaitClosed(WAIT)).as("the connection was released").isTrue();
  }

  @Test
  void aThrowingStreamListenerEndsTheStreamOnceAndReleasesTheConnection() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("one"), chunkJson("two"), chunkJson("three"))
        .faultAtEvent(2, Fault.stallUntil(gate)));
    RuntimeException boom = new IllegalStateException("listener bug");
    List<String> calls = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatCompletion> f = client().chat().streamAsync(request(), new StreamListener() {
      @Override
      public void onChunk(ChatCompletionChunk chunk) {
        calls.add("chunk");
        throw boom;
      }

      @Override
      public void onError(ChatWireException error) {
        calls.add("error");
      }
    });
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(ChatWireException.class).hasCause(boom);
    assertThat(text(((ChatWireException) e.getCause()).getPartialCompletion())).isEqualTo("one");
    assertThat(calls).containsExactly("chunk", "error");
    assertThat(take().awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }

  @Test
  void closingAStreamBeforeIteratingReleasesItAndTheIteratorReportsTheCancellation() {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("a")).faultAtEvent(0, Fault.stallUntil(gate)));
    ChatStream s = client().chat().stream(request());
    RecordedRequest r = take();
    s.close();
    s.close();
    assertThatThrownBy(() -> s.iterator().hasNext()).isInstanceOf(CancelledException.class);
    assertThat(r.awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }

  @Test
  void closingAStreamAfterItsCompletionKeepsTheCompletion() {
    server.enqueue(MockResponse.sse(chunkJson("done")));
    ChatStream s = client().chat().stream(request());
    ChatCompletion c = s.getCompletion();
    s.close();
    s.close();
    assertThat(text(s.getCompletion())).isEqualTo(text(c)).isEqualTo("done");
  }

  @Test
  void anInterruptedCreateEndsWithCancellationAndReleasesTheConnection() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.json(completionJson("late")).faultBeforeHeaders(Fault.stallUntil(gate)));
    dev.chatwire.ChatWire c = client();
    CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();
    CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        c.chat().create(request());
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
      stillInterrupted.complete(Thread.currentThread().isInterrupted());
    }, "interrupted-caller");
    caller.start();
    RecordedRequest r = take();
    caller.interrupt();
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    assertThat(stillInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(r.awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }
}
