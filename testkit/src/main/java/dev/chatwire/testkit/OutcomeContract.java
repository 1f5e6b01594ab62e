package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.RetryPolicy;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.DecodeException;
import dev.chatwire.error.NotFoundException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.error.StreamErrorException;
import dev.chatwire.error.TruncatedStreamException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.StreamOptions;
import dev.chatwire.sse.EventTooLargeException;
import dev.chatwire.stream.ChatStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How a call ends, on every transport: a stream is a success only when it is whole, every failure
 * carries what arrived (null before the first chunk), an error event is typed as an HTTP error of
 * its kind would be, and no message shows the key whatever the server echoes.
 */
public abstract class OutcomeContract extends ClientHarness {

  private static List<String> drain(ChatStream s) {
    List<String> texts = new ArrayList<>();
    for (String t : s.textDeltas()) texts.add(t);
    return texts;
  }

  // ---- stream_options -----------------------------------------------------------------------

  @Test
  void aStreamAsksForUsageByDefault() {
    server.enqueue(MockResponse.sse(chunkJson("a"), finishJson()));
    try (ChatStream s = client().chat().stream(request())) {
      s.getCompletion();
    }
    assertThat(take().getBodyUtf8()).contains("\"stream_options\":{\"include_usage\":true}");
  }

  @Test
  void aClientWithoutStreamUsageSendsNoStreamOptionsAndStillCompletes() {
    server.enqueue(MockResponse.sse(chunkJson("a"), finishJson()));
    ChatCompletion c;
    try (ChatStream s = client(b -> b.streamUsage(false)).chat().stream(request())) {
      c = s.getCompletion();
    }
    String body = take().getBodyUtf8();
    assertThat(body).contains("\"stream\":true").doesNotContain("stream_options");
    assertThat(text(c)).isEqualTo("a");
    assertThat(c.getChoices().get(0).getFinishReason()).isNotNull();
    assertThat(c.getUsage()).isNull();
  }

  @Test
  void aRequestWithoutUsageSendsNoStreamOptions() {
    server.enqueue(MockResponse.sse(chunkJson("a"), finishJson()));
    ChatCompletionRequest r = request().toBuilder().streamOptions(StreamOptions.withoutUsage()).build();
    try (ChatStream s = client().chat().stream(r)) {
      assertThat(text(s.getCompletion())).isEqualTo("a");
    }
    assertThat(take().getBodyUtf8()).doesNotContain("stream_options");
  }

  // ---- truncation ---------------------------------------------------------------------------

  @Test
  void aCloseDelimitedStreamCutInsideAnEventIsTruncatedWithWhatArrived() {
    server.enqueue(MockResponse.sse(chunkJson("one "), chunkJson("two "), chunkJson("three"),
        chunkJson("four"), finishJson()).truncateEvent(3).closeDelimited());
    List<String> texts = new ArrayList<>();
    ChatStream s = client().chat().stream(request());
    TruncatedStreamException e = catchThrowableOfType(TruncatedStreamException.class,
        () -> s.textDeltas().forEach(texts::add));
    assertThat(texts).containsExactly("one ", "two ", "three");
    assertThat(e).hasMessageContaining("inside event 3");
    assertThat(text(e.getPartialCompletion())).isEqualTo("one two three");
    assertThat(e.getPartialCompletion().getChoices().get(0).getFinishReason()).isNull();
    assertThat(server.getRequestCount()).isEqualTo(1);
    s.close();
  }

  @Test
  void aCloseDelimitedStreamCutBetweenEventsBeforeTheFinishIsTruncated() throws Exception {
    server.enqueue(MockResponse.sse(chunkJson("one "), chunkJson("two"), finishJson())
        .faultAtEvent(2, Fault.close()).closeDelimited());
    CompletableFuture<ChatCompletion> f =
        client().chat().streamAsync(request(), chunk -> { });
    ExecutionException e =
        catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(TruncatedStreamException.class);
    assertThat(text(((ChatWireException) e.getCause()).getPartialCompletion()))
        .isEqualTo("one two");
  }

  @Test
  void aWholeCloseDelimitedStreamIsASuccess() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), finishJson()).closeDelimited());
    try (ChatStream s = client().chat().stream(request())) {
      assertThat(drain(s)).containsExactly("a", "b");
      assertThat(text(s.getCompletion())).isEqualTo("ab");
    }
  }

  @Test
  void aCloseDelimitedStreamWithoutDoneThatFinishedIsASuccess() {
    server.enqueue(MockResponse.sse(chunkJson("a"), finishJson()).withoutDone().closeDelimited());
    try (ChatStream s = client().chat().stream(request())) {
      assertThat(text(s.getCompletion())).isEqualTo("a");
    }
  }

  // ---- what a failure carries --------------------------------------------------------------

  @Test
  void aFailureBeforeTheFirstChunkCarriesNoPartialButTheSnapshotIsEmpty() {
    server.enqueue(MockResponse.sse(
        "{\"error\":{\"message\":\"bad\",\"type\":\"mystery_error\"}}", chunkJson("never")));
    ChatStream s = client().chat().stream(request());
    StreamErrorException e = catchThrowableOfType(StreamErrorException.class, () -> drain(s));
    assertThat(e.getEventIndex()).isZero();
    assertThat(e.getPartialCompletion()).isNull();
    assertThat(s.snapshot().getChoices()).isEmpty();
    s.close();
  }

  @Test
  void anEventTooLargeCarriesTheChunksBeforeIt() {
    StringBuilder huge = new StringBuilder(1_100_000);
    while (huge.length() < 1_100_000) huge.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    server.enqueue(MockResponse.sse(chunkJson("kept"), chunkJson(huge.toString()), finishJson()));
    ChatStream s = client().chat().stream(request());
    EventTooLargeException e = catchThrowableOfType(EventTooLargeException.class, () -> drain(s));
    assertThat(text(e.getPartialCompletion())).isEqualTo("kept");
    s.close();
  }

  @Test
  void anAbsurdChoiceIndexFailsTypedWithThePartial() {
    server.enqueue(MockResponse.sse(chunkJson("kept"),
        "{\"choices\":[{\"index\":60000,\"delta\":{\"content\":\"x\"}}]}"));
    ChatStream s = client().chat().stream(request());
    DecodeException e = catchThrowableOfType(DecodeException.class, () -> drain(s));
    assertThat(e).hasMessageContaining("60000").hasMessageContaining("event 1");
    assertThat(text(e.getPartialCompletion())).isEqualTo("kept");
    s.close();
  }

  // ---- error events typed like HTTP errors ------------------------------------------------

  @Test
  void aRateLimitErrorEventIsARateLimitExceptionWithItsPartial() {
    server.enqueue(MockResponse.sse(chunkJson("par"), chunkJson("tial"),
        "{\"error\":{\"message\":\"slow down\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}"));
    ChatStream s = client().chat().stream(request());
    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> drain(s));
    assertThat(e.isInStream()).isTrue();
    assertThat(e.getEventIndex()).isEqualTo(2);
    assertThat(e.getStatus()).isEqualTo(200);
    assertThat(e.getMessage()).contains("error event 2").contains("slow down");
    assertThat(text(e.getPartialCompletion())).isEqualTo("partial");
    s.close();
  }

  @Test
  void aNumericCodeInAnErrorEventGivesItsCategoryAndKeepsTheWholeErrorObject() {
    server.enqueue(MockResponse.sse(chunkJson("x"),
        "{\"error\":{\"message\":\"Provider returned error\",\"code\":429,"
            + "\"metadata\":{\"provider_name\":\"Upstream\",\"raw\":\"busy\"}}}"));
    ChatStream s = client().chat().stream(request());
    RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> drain(s));
    assertThat(e.getCode()).isEqualTo("429");
    assertThat(e.getError().getExtras())
        .containsEntry("metadata", "{\"provider_name\":\"Upstream\",\"raw\":\"busy\"}");
    s.close();
  }

  @Test
  void anErrorEventOfNoKnownKindKeepsAzureInnerError() {
    server.enqueue(MockResponse.sse(chunkJson("x"),
        "{\"error\":{\"message\":\"filtered\",\"code\":\"content_filter\","
            + "\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}"));
    ChatStream s = client().chat().stream(request());
    StreamErrorException e = catchThrowableOfType(StreamErrorException.class, () -> drain(s));
    assertThat(e.isInStream()).isTrue();
    assertThat(e.getError().getExtras()).containsKey("innererror");
    assertThat(e.getError().getExtras().get("innererror")).contains("ResponsibleAIPolicyViolation");
    s.close();
  }

  // ---- error bodies, retry-after and secrets ----------------------------------------------

  @Test
  void anExpressErrorKeepsBothItsTitleAndItsMessage() {
    server.enqueue(MockResponse.error(404,
        "{\"error\":\"Not Found\",\"message\":\"Cannot POST /chat/completions\",\"status\":404}"));
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> client().chat().create(request()));
    assertThat(e.getMessage()).contains("Not Found").contains("Cannot POST /chat/completions");
    assertThat(e.getError().getExtras()).containsEntry("status", "404");
  }

  @Test
  void anErrorBodyWithASuccessStatusIsTypedByItsCode() {
    server.enqueue(MockResponse.json(
        "{\"error\":{\"message\":\"quota\",\"code\":\"rate_limit_exceeded\"}}"));
    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> client(b -> b.retryPolicy(RetryPolicy.none())).chat().create(request()));
    assertThat(e.getStatus()).isEqualTo(200);
    assertThat(e.isInStream()).isFalse();
  }

  @Test
  void aContentTypeEchoingTheKeyIsMaskedInTheDecodeError() {
    server.enqueue(MockResponse.body("<html>no</html>").header("Content-Type", "text/x-" + SECRET));
    ChatStream s = client().chat().stream(request());
    DecodeException e = catchThrowableOfType(DecodeException.class, s::getCompletion);
    assertThat(e).hasMessageContaining("Content-Type");
    assertThat(e.getMessage()).doesNotContain(SECRET);
    s.close();
  }

  @Test
  void theServersRequestedDelayIsReadableOnTheException() {
    server.enqueue(MockResponse.error(429, "{\"error\":{\"message\":\"wait\"}}")
        .header("retry-after-ms", "1500"));
    RateLimitException e = catchThrowableOfType(RateLimitException.class,
        () -> client(b -> b.retryPolicy(RetryPolicy.none())).chat().create(request()));
    assertThat(e.getRetryAfter()).isEqualTo(Duration.ofMillis(1500));
  }

  @Test
  void noDelayAskedForIsNull() {
    server.enqueue(MockResponse.error(400, "{\"error\":{\"message\":\"no\"}}"));
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> client().chat().create(request()));
    assertThat(e.getRetryAfter()).isNull();
  }

  @Test
  void aKeyEchoedInCodeTypeParamOrRequestIdNeverReachesTheMessage() {
    String echoed = "{\"error\":{\"message\":\"no\",\"type\":\"" + SECRET + "\",\"code\":\""
        + SECRET + "\",\"param\":\"" + SECRET + "\",\"extra\":\"" + SECRET + "\"}}";
    server.enqueue(MockResponse.error(400, echoed).header("x-request-id", SECRET));
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> client().chat().create(request()));
    assertThat(e.getMessage()).doesNotContain(SECRET);
    assertThat(e.toString()).doesNotContain(SECRET);
    assertThat(e.getError().getType()).doesNotContain(SECRET);
    assertThat(e.getError().getCode()).doesNotContain(SECRET);
    assertThat(e.getError().getParam()).doesNotContain(SECRET);
    assertThat(e.getError().getExtras().toString()).doesNotContain(SECRET);
    assertThat(e.getError().getBody()).doesNotContain(SECRET);
    assertThat(e.getRequestId()).doesNotContain(SECRET);
  }

  @Test
  void aKeyEchoedInTheStatusLineNeverReachesTheMessage() {
    for (String key : new String[] {SECRET, "plainkey0123456789abcdef"}) {
      server.enqueue(MockResponse.raw("HTTP/1.1 401 Bad key Bearer " + key + "\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nno"));
      ChatWireException e = catchThrowableOfType(ChatWireException.class,
          () -> client(b -> b.apiKey(key).retryPolicy(RetryPolicy.none())).chat()
              .create(request()));
      assertThat(e).as("the call failed").isNotNull();
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass())
            .doesNotContain(key);
        assertThat(t.toString()).doesNotContain(key);
      }
    }
  }

  @Test
  void aKeyWithoutARecognisablePrefixEchoedInAStreamErrorIsMasked() {
    String key = "plainkey0123456789abcdef";
    server.enqueue(MockResponse.sse(chunkJson("x"),
        "{\"error\":{\"message\":\"bad key " + key + ".\",\"code\":\"" + key + "\"}}"));
    ChatStream s = client(b -> b.apiKey(key)).chat().stream(request());
    ApiException e = catchThrowableOfType(ApiException.class, () -> drain(s));
    assertThat(e.getMessage()).doesNotContain(key).contains("bad key ██.");
    s.close();
  }

  @Test
  void aKeyTheProviderAlreadyMaskedStaysReadable() {
    server.enqueue(MockResponse.error(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
        + "sk-abc1****************wxyz. You can find your API key at https://example.test.\"}}"));
    ApiException e = catchThrowableOfType(ApiException.class,
        () -> client().chat().create(request()));
    assertThat(e.getMessage()).contains("sk-abc1****************wxyz. You can find");
  }

  @Test
  void aKeyWithACharacterNoHeaderMayHoldIsRefusedBeforeSendingAndNeverRetried() {
    for (String bad : new String[] {"\u0001", "\u007f", "\u200b", "\u201c", "\u2028"}) {
      String key = "sk-bad" + bad + "key0123456789";
      ChatWireException e = catchThrowableOfType(ChatWireException.class,
          () -> client(b -> b.apiKey(key)).chat().create(request()));
      assertThat(e.getMessage()).doesNotContain("key0123456789");
      assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class);
      assertThat(e.getCause().getMessage()).doesNotContain("key0123456789");
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void chunksStillArriveInOrderAfterTheChangesAbove() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), finishJson()));
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    try (ChatStream s = client().chat().stream(request())) {
      for (ChatCompletionChunk c : s) chunks.add(c);
    }
    assertThat(chunks).hasSize(3);
  }
}
