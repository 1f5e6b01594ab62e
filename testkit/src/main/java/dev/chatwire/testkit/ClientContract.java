package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.AuthenticationException;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConflictException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.error.DeadlineExceededException;
import dev.chatwire.error.DecodeException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.error.InternalServerException;
import dev.chatwire.error.NotFoundException;
import dev.chatwire.error.PermissionDeniedException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.error.StreamErrorException;
import dev.chatwire.error.TruncatedStreamException;
import dev.chatwire.error.UnprocessableEntityException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.FinishReason;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's behaviour over a real transport and real sockets: requests as sent, error
 * mapping, retries with their delays, timeouts on virtual time, streaming, cancellation and
 * redaction. Every transport module runs it by extending this class.
 *
 * <pre>{@code
 * class JdkClientTest extends ClientContract {
 *   @Override protected Transport newTransport() { return JdkTransport.create(); }
 * }
 * }</pre>
 */
public abstract class ClientContract extends ClientEdgeContract {

  // ---- requests as sent --------------------------------------------------------------------

  @Test
  void createSendsTheRequestAndReadsTheCompletion() {
    server.enqueue(MockResponse.json(completionJson("Hi there")));
    ChatCompletion c = client().chat().create(request());
    assertThat(text(c)).isEqualTo("Hi there");
    assertThat(c.getUsage().getTotalTokens()).isEqualTo(5);

    RecordedRequest r = take();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getHeader("authorization")).isEqualTo("Bearer " + SECRET);
    assertThat(r.getHeader("content-type")).startsWith("application/json");
    assertThat(r.getBodyUtf8()).contains("\"model\":\"gpt-test\"").doesNotContain("\"stream\"");
  }

  @Test
  void noKeyMeansNoAuthorizationHeader() {
    server.enqueue(MockResponse.json(completionJson("ok")));
    client(b -> b.apiKey((String) null)).chat().create(request());
    assertThat(take().getHeader("authorization")).isNull();
  }

  @Test
  void azureDeploymentUsesApiKeyHeaderAndApiVersion() {
    server.enqueue(MockResponse.json(completionJson("ok")));
    String endpoint = server.getBaseUrl().toString();
    client(b -> b.azureDeployment(endpoint, "my-gpt", "2024-10-21")).chat().create(request());
    RecordedRequest r = take();
    assertThat(r.getTarget())
        .isEqualTo("/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21");
    assertThat(r.getHeader("api-key")).isEqualTo(SECRET);
    assertThat(r.getHeader("authorization")).isNull();
  }

  @Test
  void organizationProjectAndDefaultHeadersAreSent() {
    server.enqueue(MockResponse.json(completionJson("ok")));
    client(b -> b.organization("org-1").project("proj-1").defaultHeader("X-Custom", "v")
            .defaultQueryParameter("tenant", "a b"))
        .chat().create(request());
    RecordedRequest r = take();
    assertThat(r.getHeader("OpenAI-Organization")).isEqualTo("org-1");
    assertThat(r.getHeader("openai-project")).isEqualTo("proj-1");
    assertThat(r.getHeader("x-custom")).isEqualTo("v");
    assertThat(r.getTarget()).isEqualTo("/v1/chat/completions?tenant=a+b");
  }

  @Test
  void eachCallGetsItsOwnListenerWithPairedStartAndEnd() {
    server.enqueue(MockResponse.json(completionJson("a")));
    server.enqueue(MockResponse.error(400, "{}"));
    List<String> events = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    ChatWire c = client(b -> b.eventListenerFactory(req -> {
      int n = calls.incrementAndGet();
      assertThat(req.getModel()).isEqualTo("gpt-test");
      return new EventListener() {
        @Override
        public void callStart(dev.chatwire.transport.HttpRequest request) {
          events.add(n + ":start");
        }

        @Override
        public void responseHeaders(int status, dev.chatwire.transport.Headers headers) {
          events.add(n + ":" + status);
        }

        @Override
        public void callEnd() {
          events.add(n + ":end");
        }

        @Override
        public void callFailed(ChatWireException error) {
          events.add(n + ":failed " + error.getClass().getSimpleName());
        }
      };
    }));
    c.chat().create(request());
    assertThatThrownBy(() -> c.chat().create(request())).isInstanceOf(BadRequestException.class);
    assertThat(events).containsExactly(
        "1:start", "1:200", "1:end", "2:start", "2:400", "2:failed BadRequestException");
  }

  // ---- errors ------------------------------------------------------------------------------

  private ApiException failWith(int status, String body, String... headers) {
    // The status is never retried; a pooled connection the server closed meanwhile may be.
    MockResponse response = MockResponse.error(status, body).header("x-should-retry", "false");
    for (int i = 0; i < headers.length; i += 2) response = response.header(headers[i], headers[i + 1]);
    server.enqueue(response);
    ChatWire c = client(b -> b.scheduler(Scheduler.system())
        .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ZERO).maxDelay(Duration.ZERO).build()));
    return catchThrowableOfType(ApiException.class, () -> c.chat().create(request()));
  }

  @Test
  void eachStatusMapsToItsType() {
    String body = "{\"error\":{\"message\":\"m\",\"type\":\"t\",\"param\":null,\"code\":null}}";
    assertThat(failWith(400, body)).isInstanceOf(BadRequestException.class);
    assertThat(failWith(401, body)).isInstanceOf(AuthenticationException.class);
    assertThat(failWith(403, body)).isInstanceOf(PermissionDeniedException.class);
    assertThat(failWith(404, body)).isInstanceOf(NotFoundException.class);
    assertThat(failWith(409, body)).isInstanceOf(ConflictException.class);
    assertThat(failWith(422, body)).isInstanceOf(UnprocessableEntityException.class);
    assertThat(failWith(429, body)).isInstanceOf(RateLimitException.class);
    assertThat(failWith(500, body)).isInstanceOf(InternalServerException.class);
    assertThat(failWith(503, body)).isInstanceOf(InternalServerException.class);
    ApiException teapot = failWith(418, body);
    assertThat(teapot.getClass()).isEqualTo(ApiException.class);
    assertThat(teapot.getStatus()).isEqualTo(418);
  }

  @Test
  void openAiNestedErrorIsParsedWithRequestId() {
    ApiException e = failWith(400,
        "{\"error\":{\"message\":\"Invalid value for 'temperature'.\",\"type\":\"invalid_request_error\","
            + "\"param\":\"temperature\",\"code\":\"invalid_value\"}}",
        "x-request-id", "req_abc123");
    assertThat(e.getType()).isEqualTo("invalid_request_error");
    assertThat(e.getCode()).isEqualTo("invalid_value");
    assertThat(e.getParam()).isEqualTo("temperature");
    assertThat(e.getError().getMessage()).isEqualTo("Invalid value for 'temperature'.");
    assertThat(e.getRequestId()).isEqualTo("req_abc123");
    assertThat(e.getMessage()).contains("400").contains("invalid_value").contains("req_abc123");
  }

  @Test
  void vllmFlatErrorWithIntegerCodeIsParsed() {
    ApiException e = failWith(400,
        "{\"object\":\"error\",\"message\":\"This model's maximum context length is 4096 tokens.\","
            + "\"type\":\"BadRequestError\",\"param\":null,\"code\":400}");
    assertThat(e).isInstanceOf(BadRequestException.class);
    assertThat(e.getType()).isEqualTo("BadRequestError");
    assertThat(e.getCode()).isEqualTo("400");
    assertThat(e.getError().getMessage()).startsWith("This model's maximum context length");
  }

  @Test
  void azureErrorWithInnerErrorAndApimRequestIdIsParsed() {
    ApiException e = failWith(400,
        "{\"error\":{\"message\":\"The response was filtered\",\"type\":null,\"param\":\"prompt\","
            + "\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":"
            + "\"ResponsibleAIPolicyViolation\",\"content_filter_result\":{\"hate\":{\"filtered\":true,"
            + "\"severity\":\"high\"}}}}}",
        "apim-request-id", "a1b2-c3");
    assertThat(e.getCode()).isEqualTo("content_filter");
    assertThat(e.getParam()).isEqualTo("prompt");
    assertThat(e.getRequestId()).isEqualTo("a1b2-c3");
    assertThat(e.getError().getBody()).contains("ResponsibleAIPolicyViolation");
  }

  @Test
  void htmlErrorPageStillGivesTheTypedError() {
    ApiException e = failWith(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    assertThat(e).isInstanceOf(InternalServerException.class);
    assertThat(e.getStatus()).isEqualTo(502);
    assertThat(e.getType()).isNull();
    assertThat(e.getError().getBody()).contains("502 Bad Gateway");
    assertThat(e.getMessage()).doesNotContain("<html>");
  }

  @Test
  void keyNeverAppearsInToStringOrMessages() {
    ApiException e = failWith(401,
        "{\"error\":{\"message\":\"Incorrect API key provided: " + SECRET + ".\","
            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}");
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage()).doesNotContain(SECRET).contains("invalid_api_key");
    assertThat(e.toString()).doesNotContain(SECRET);
    assertThat(client().toString()).doesNotContain(SECRET);
    List<String> seen = new CopyOnWriteArrayList<>();
    server.enqueue(MockResponse.json(completionJson("ok")));
    client(b -> b.eventListener(new EventListener() {
          @Override
          public void attemptStart(dev.chatwire.transport.HttpRequest request, int attempt) {
            seen.add(request.toString());
          }
        }))
        .chat().create(request());
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0)).doesNotContain(SECRET).contains("Authorization");
  }

  // ---- retries -----------------------------------------------------------------------------

  /** Runs {@code call} until the client schedules a retry; returns its delay. */
  private static final class Retries extends EventListener {
    final CompletableFuture<Duration> scheduled = new CompletableFuture<>();
    final List<Duration> delays = new CopyOnWriteArrayList<>();
    final java.util.concurrent.Semaphore scheduledCount = new java.util.concurrent.Semaphore(0);

    @Override
    public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
      delays.add(delay);
      scheduledCount.release();
      scheduled.complete(delay);
    }
  }

  @Test
  void rateLimitIsRetriedAfterRetryAfterMs() throws Exception {
    server.enqueue(MockResponse.error(429, "{\"error\":{\"message\":\"slow down\"}}")
        .header("retry-after-ms", "1500"));
    server.enqueue(MockResponse.json(completionJson("after retry")));
    Retries retries = new Retries();
    CompletableFuture<ChatCompletion> f =
        client(b -> b.eventListener(retries)).chat().createAsync(request());
    assertThat(retries.scheduled.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofMillis(1500));
    take();
    assertThat(f).isNotDone();
    time.advance(Duration.ofMillis(1499));
    assertThat(server.takeRequest(Duration.ofMillis(200))).isNull();
    time.advance(Duration.ofMillis(1));
    assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("after retry");
    take();
  }

  @Test
  void retriesStopAfterMaxRetries() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.enqueue(MockResponse.error(503, "{\"error\":{\"message\":\"overloaded\"}}")
          .header("retry-after", "1"));
    }
    Retries retries = new Retries();
    CompletableFuture<ChatCompletion> f =
        client(b -> b.eventListener(retries)).chat().createAsync(request());
    for (int i = 0; i < 2; i++) {
      take();
      assertThat(retries.scheduledCount.tryAcquire(10, TimeUnit.SECONDS)).as("retry %d", i + 1).isTrue();
      time.advance(Duration.ofSeconds(1));
    }
    take();
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(InternalServerException.class);
    assertThat(retries.delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void shouldRetryFalseStopsARetry() {
    server.enqueue(MockResponse.error(500, "{}").header("x-should-retry", "false"));
    ChatWire c = client();
    assertThatThrownBy(() -> c.chat().create(request())).isInstanceOf(InternalServerException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void badRequestIsNotRetried() {
    server.enqueue(MockResponse.error(400, "{}"));
    ChatWire c = client();
    assertThatThrownBy(() -> c.chat().create(request())).isInstanceOf(BadRequestException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void connectionClosedBeforeHeadersIsRetriedWithBackoff() throws Exception {
    server.enqueue(MockResponse.json(completionJson("x")).faultBeforeHeaders(Fault.close()));
    server.enqueue(MockResponse.json(completionJson("second")));
    Retries retries = new Retries();
    CompletableFuture<ChatCompletion> f =
        client(b -> b.eventListener(retries)).chat().createAsync(request());
    Duration delay = retries.scheduled.get(10, TimeUnit.SECONDS);
    assertThat(delay).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    time.advance(delay);
    assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("second");
  }

  @Test
  void aKeySupplierIsAskedBeforeEveryAttempt() throws Exception {
    server.enqueue(MockResponse.error(429, "{}").header("retry-after", "0"));
    server.enqueue(MockResponse.json(completionJson("ok")));
    AtomicInteger n = new AtomicInteger();
    Retries retries = new Retries();
    CompletableFuture<ChatCompletion> f =
        client(b -> b.apiKey(() -> "sk-rotating-" + n.incrementAndGet()).eventListener(retries))
            .chat().createAsync(request());
    retries.scheduled.get(10, TimeUnit.SECONDS);
    time.advance(Duration.ZERO);
    f.get(10, TimeUnit.SECONDS);
    assertThat(take().getHeader("authorization")).isEqualTo("Bearer sk-rotating-1");
    assertThat(take().getHeader("authorization")).isEqualTo("Bearer sk-rotating-2");
  }

  // ---- streaming ---------------------------------------------------------------------------

  @Test
  void streamDeliversChunksAndAccumulatesTheCompletion() {
    server.enqueue(MockResponse.sse(chunkJson("Hel"), chunkJson("lo"), finishJson()));
    List<String> texts = new ArrayList<>();
    try (ChatStream s = client().chat().stream(request())) {
      for (String t : s.textDeltas()) texts.add(t);
      ChatCompletion c = s.getCompletion();
      assertThat(text(c)).isEqualTo("Hello");
      assertThat(c.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
    }
    assertThat(texts).containsExactly("Hel", "lo");
    String body = take().getBodyUtf8();
    assertThat(body).contains("\"stream\":true").contains("\"include_usage\":true");
  }

  @Test
  void streamWithoutDoneStillYieldsItsCompletionOnceEveryChoiceFinished() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), finishJson()).withoutDone());
    try (ChatStream s = client().chat().stream(request())) {
      assertThat(text(s.getCompletion())).isEqualTo("ab");
    }
  }

  @Test
  void streamEndingWithoutDoneBeforeItsChoiceFinishedIsTruncatedWithItsPartial() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b")).withoutDone());
    ChatStream s = client().chat().stream(request());
    TruncatedStreamException e =
        catchThrowableOfType(TruncatedStreamException.class, s::getCompletion);
    assertThat(e).hasMessageContaining("without [DONE]").hasMessageContaining("choice 0");
    assertThat(text(e.getPartialCompletion())).isEqualTo("ab");
    assertThat(server.getRequestCount()).isEqualTo(1);
    s.close();
  }

  @Test
  void connectionBrokenMidStreamCarriesThePartialCompletionAndIsNotRetried() {
    server.enqueue(MockResponse.sse(chunkJson("one "), chunkJson("two "), chunkJson("three"))
        .faultAtEvent(2, Fault.close()));
    server.enqueue(MockResponse.json(completionJson("must not be used")));
    List<String> texts = new ArrayList<>();
    ChatStream s = client().chat().stream(request());
    ConnectionException e =
        catchThrowableOfType(ConnectionException.class, () -> s.textDeltas().forEach(texts::add));
    assertThat(texts).containsExactly("one ", "two ");
    assertThat(text(e.getPartialCompletion())).isEqualTo("one two ");
    assertThat(server.getRequestCount()).isEqualTo(1);
    s.close();
  }

  @Test
  void errorEventMidStreamIsTypedByItsCodeWithItsPartial() {
    server.enqueue(MockResponse.sse(chunkJson("par"), chunkJson("tial"),
            "{\"error\":{\"message\":\"upstream overloaded\",\"type\":\"server_error\",\"code\":\"502\"}}")
        .header("x-request-id", "req_stream"));
    ChatStream s = client().chat().stream(request());
    InternalServerException e = catchThrowableOfType(InternalServerException.class, () -> {
      for (ChatCompletionChunk ignored : s) { /* drain */ }
    });
    assertThat(e.isInStream()).isTrue();
    assertThat(e.getCode()).isEqualTo("502");
    assertThat(e.getEventIndex()).isEqualTo(2);
    assertThat(e.getType()).isEqualTo("server_error");
    assertThat(e.getStatus()).isEqualTo(200);
    assertThat(e.getRequestId()).isEqualTo("req_stream");
    assertThat(text(e.getPartialCompletion())).isEqualTo("partial");
    s.close();
  }

  @Test
  void malformedChunkEndsWithDecodeErrorAndPartial() {
    server.enqueue(MockResponse.sse(chunkJson("ok"), "{\"choices\":[{\"index\":\"zero\"}]}"));
    ChatStream s = client().chat().stream(request());
    DecodeException e = catchThrowableOfType(DecodeException.class, () -> s.getCompletion());
    assertThat(e.getEventIndex()).isEqualTo(1);
    assertThat(e.getPath()).isEqualTo("choices[0].index");
    assertThat(text(e.getPartialCompletion())).isEqualTo("ok");
    s.close();
  }

  @Test
  void streamAsyncDeliversChunksThenTheCompletion() throws Exception {
    server.enqueue(MockResponse.sse(chunkJson("x"), chunkJson("y"), finishJson()));
    List<String> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatCompletion> done = new CompletableFuture<>();
    CompletableFuture<ChatCompletion> f = client().chat().streamAsync(request(), new StreamListener() {
      @Override
      public void onChunk(ChatCompletionChunk chunk) {
        String t = chunk.getChoices().get(0).getDelta().getContent();
        if (t != null) seen.add(t);
      }

      @Override
      public void onComplete(ChatCompletion completion) {
        done.complete(completion);
      }
    });
    assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("xy");
    assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(f.get());
    assertThat(seen).containsExactly("x", "y");
  }

  @Test
  void resetMidStreamCarriesThePartialCompletion() {
    server.enqueue(MockResponse.sse(chunkJson("kept"), chunkJson("lost")).faultAtEvent(1, Fault.reset()));
    ChatStream s = client().chat().stream(request());
    ConnectionException e = catchThrowableOfType(ConnectionException.class, s::getCompletion);
    assertThat(text(e.getPartialCompletion())).isEqualTo("kept");
    assertThat(server.getRequestCount()).isEqualTo(1);
    s.close();
  }

  @Test
  void aTruncatedEventIsNeverDeliveredAndTheBreakIsReported() {
    server.enqueue(MockResponse.sse(chunkJson("whole"), chunkJson("half")).truncateEvent(1));
    List<String> texts = new ArrayList<>();
    ChatStream s = client().chat().stream(request());
    ConnectionException e =
        catchThrowableOfType(ConnectionException.class, () -> s.textDeltas().forEach(texts::add));
    assertThat(texts).containsExactly("whole");
    assertThat(text(e.getPartialCompletion())).isEqualTo("whole");
    s.close();
  }

  @Test
  void aStreamDrippedOneByteAtATimeDecodesTheSame() {
    server.enqueue(MockResponse.sse(chunkJson("dr\u00e9"), chunkJson("p ✓"), finishJson()).drip());
    try (ChatStream s = client().chat().stream(request())) {
      assertThat(text(s.getCompletion())).isEqualTo("dré" + "p ✓");
    }
  }

  // ---- timeouts ----------------------------------------------------------------------------

  @Test
  void idleTimeoutEndsAStalledStreamWithItsPartial() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("before "), chunkJson("after"))
        .faultAtEvent(1, Fault.stallUntil(gate)));
    CountDownLatch first = new CountDownLatch(1);
    CompletableFuture<ChatCompletion> f =
        client(b -> b.timeouts(Timeouts.builder().idle(Duration.ofSeconds(30)).build()))
            .chat().streamAsync(request(), chunk -> first.countDown());
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    time.advance(Duration.ofSeconds(29));
    assertThat(f).isNotDone();
    time.advance(Duration.ofSeconds(1));
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(IdleTimeoutException.class);
    assertThat(text(((ChatWireException) e.getCause()).getPartialCompletion())).isEqualTo("before ");
    RecordedRequest r = take();
    gate.release();
    assertThat(r.awaitClosed(WAIT)).as("the connection was released").isTrue();
  }

  @Test
  void responseHeadersTimeoutFires() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.json(completionJson("late")).faultBeforeHeaders(Fault.stallUntil(gate)));
    CompletableFuture<ChatCompletion> f =
        client(b -> b.retryPolicy(RetryPolicy.none())
                .timeouts(Timeouts.builder().responseHeaders(Duration.ofSeconds(5)).build()))
            .chat().createAsync(request());
    take();
    time.advance(Duration.ofSeconds(5));
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(ResponseTimeoutException.class);
    gate.release();
  }

  @Test
  void totalDeadlineIsOffByDefaultAndEndsTheCallWhenSet() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b")).faultAtEvent(1, Fault.stallUntil(gate)));
    CountDownLatch first = new CountDownLatch(1);
    CompletableFuture<ChatCompletion> f =
        client(b -> b.timeouts(Timeouts.builder().total(Duration.ofSeconds(20)).build()))
            .chat().streamAsync(request(), chunk -> first.countDown());
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    time.advance(Duration.ofSeconds(20));
    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(DeadlineExceededException.class);
    gate.release();
    assertThat(Timeouts.defaults().getTotal()).isNull();
  }

  // ---- cancellation ------------------------------------------------------------------------

  @Test
  void closingAStreamFromAnotherThreadUnblocksTheReaderAndReleasesTheConnection()
      throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("first"), chunkJson("never"))
        .faultAtEvent(1, Fault.stallUntil(gate)));
    ChatStream s = client().chat().stream(request());
    Iterator<ChatCompletionChunk> it = s.iterator();
    assertThat(it.next().getChoices().get(0).getDelta().getContent()).isEqualTo("first");
    CompletableFuture<@Nullable Throwable> blocked = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        it.hasNext();
        blocked.complete(null);
      } catch (Throwable t) {
        blocked.complete(t);
      }
    }, "blocked-reader");
    reader.start();
    RecordedRequest r = take();
    // Close once the reader is parked waiting for bytes (or has given up waiting: either way).
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (reader.getState() != Thread.State.WAITING && reader.isAlive()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    s.close();
    Throwable t = blocked.get(10, TimeUnit.SECONDS);
    assertThat(t).isInstanceOf(CancelledException.class);
    assertThat(text(((CancelledException) t).getPartialCompletion())).isEqualTo("first");
    assertThat(r.awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }

  /**
   * {@code stream()} returns while the server still holds the response head (a reasoning model
   * can think for minutes before it answers), so another thread (a "stop" button) can close the
   * stream then: the waiting reader gets a cancellation and the connection is released.
   */
  @Test
  void aStreamCanBeClosedFromAnotherThreadWhileItsHeadIsAwaited() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("late")).faultBeforeHeaders(Fault.stallUntil(gate)));
    dev.chatwire.ChatWire c = client();
    CompletableFuture<ChatStream> started = new CompletableFuture<>();
    CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        ChatStream s = c.chat().stream(request());
        started.complete(s);
        s.iterator().hasNext();
        outcome.complete(null);
      } catch (Throwable t) {
        started.completeExceptionally(t);
        outcome.complete(t);
      }
    }, "reader-awaiting-head");
    reader.start();
    RecordedRequest r = take();
    ChatStream s = started.get(10, TimeUnit.SECONDS); // returned though no head came
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (reader.getState() != Thread.State.WAITING && reader.isAlive()
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    s.close();
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    assertThat(r.awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }

  @Test
  void cancellingAnAsyncFutureReleasesTheConnection() throws Exception {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b")).faultAtEvent(1, Fault.stallUntil(gate)));
    CountDownLatch first = new CountDownLatch(1);
    CompletableFuture<ChatCompletion> f =
        client().chat().streamAsync(request(), chunk -> first.countDown());
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(f.cancel(true)).isTrue();
    assertThat(take().awaitClosed(WAIT)).as("the connection was released").isTrue();
    gate.release();
  }
}
