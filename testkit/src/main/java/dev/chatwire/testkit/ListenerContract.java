package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Usage;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The events of {@link EventListener} over a real transport: their order and content for a
 * blocking call, an async call, a blocking and an async stream, an error status and a retry, the
 * same on every transport; and the {@link LoggingContract logging listener} built on them. Every
 * transport module runs it by extending this class.
 *
 * <pre>{@code
 * class JdkListenerTest extends ListenerContract {
 *   @Override protected Transport newTransport() { return JdkTransport.create(); }
 * }
 * }</pre>
 */
public abstract class ListenerContract extends LoggingContract {
  private static final String USAGE_CHUNK =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
          + "\"model\":\"gpt-test\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}";

  /** Writes each event as a line. */
  static final class Recorder extends EventListener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void callStart(ChatCompletionRequest request, HttpRequest httpRequest) {
      events.add("start " + request.getModel() + " max=" + request.getMaxTokens() + " t="
          + request.getTemperature() + " stream=" + request.getStream() + " "
          + httpRequest.getUri().getPath());
    }

    @Override
    public void attemptStart(HttpRequest request, int attempt) {
      events.add("attempt " + attempt);
    }

    @Override
    public void responseHeaders(int status, Headers headers) {
      events.add("headers " + status);
    }

    @Override
    public void chunk(ChatCompletionChunk chunk) {
      String text = chunk.getChoices().isEmpty() ? null : chunk.getChoices().get(0).getDelta().getContent();
      events.add("chunk " + (text != null ? text : chunk.getUsage() != null ? "usage" : "-"));
    }

    @Override
    public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
      events.add("retry " + nextAttempt + " " + reason.getClass().getSimpleName());
    }

    @Override
    public void callEnd(ChatCompletion completion) {
      Usage u = completion.getUsage();
      events.add("end " + completion.getId() + " " + completion.getModel() + " "
          + completion.getChoices().get(0).getFinishReason() + " "
          + (u == null ? "no usage" : u.getPromptTokens() + "+" + u.getCompletionTokens()));
    }

    @Override
    public void callFailed(ChatWireException error) {
      events.add("failed " + error.getClass().getSimpleName());
    }
  }

  private static ChatCompletionRequest tuned() {
    return request().toBuilder().maxTokens(64).temperature(0.5).build();
  }

  private ChatWire recorded(Recorder r) {
    return client(b -> b.eventListener(r).retryPolicy(zeroDelay()).scheduler(dev.chatwire.Scheduler.system()));
  }

  private static final String START = "start gpt-test max=64 t=0.5 stream=null /v1/chat/completions";
  private static final String STREAM_START =
      "start gpt-test max=64 t=0.5 stream=true /v1/chat/completions";

  @Test
  void aBlockingCallGivesTheRequestThenTheCompletion() {
    server.enqueue(MockResponse.json(completionJson("Hi")));
    Recorder r = new Recorder();

    recorded(r).chat().create(tuned());

    assertThat(r.events).containsExactly(
        START, "attempt 1", "headers 200", "end chatcmpl-1 gpt-test stop 3+2");
  }

  @Test
  void anAsyncCallGivesTheSameEvents() throws Exception {
    server.enqueue(MockResponse.json(completionJson("Hi")));
    Recorder r = new Recorder();

    recorded(r).chat().createAsync(tuned()).get(10, TimeUnit.SECONDS);

    assertThat(r.events).containsExactly(
        START, "attempt 1", "headers 200", "end chatcmpl-1 gpt-test stop 3+2");
  }

  @Test
  void aStreamGivesEachChunkBeforeTheCallerSeesItThenTheAccumulatedCompletion() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), finishJson(), USAGE_CHUNK));
    Recorder r = new Recorder();
    List<Integer> seenBefore = new ArrayList<>();

    try (ChatStream s = recorded(r).chat().stream(tuned())) {
      for (ChatCompletionChunk ignored : s) seenBefore.add(r.events.size());
    }

    assertThat(r.events).containsExactly(STREAM_START, "attempt 1", "headers 200",
        "chunk a", "chunk b", "chunk -", "chunk usage", "end chatcmpl-1 gpt-test stop 4+2");
    // Chunk i (from 0) reached the caller after its event, number 4 + i in the list, was recorded.
    assertThat(seenBefore).hasSize(4);
    for (int i = 0; i < 4; i++) assertThat(seenBefore.get(i)).isGreaterThanOrEqualTo(4 + i);
  }

  @Test
  void anAsyncStreamGivesTheSameEvents() throws Exception {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), finishJson(), USAGE_CHUNK));
    Recorder r = new Recorder();

    recorded(r).chat().streamAsync(tuned(), new StreamListener() {
      @Override
      public void onChunk(ChatCompletionChunk chunk) {}
    }).get(10, TimeUnit.SECONDS);

    assertThat(r.events).containsExactly(STREAM_START, "attempt 1", "headers 200",
        "chunk a", "chunk b", "chunk -", "chunk usage", "end chatcmpl-1 gpt-test stop 4+2");
  }

  @Test
  void anErrorStatusEndsWithCallFailedAndNoEnd() {
    server.enqueue(MockResponse.error(400, "{\"error\":{\"message\":\"no\"}}"));
    Recorder r = new Recorder();

    try (ChatStream s = recorded(r).chat().stream(tuned())) {
      catchThrowableOfType(BadRequestException.class, s::getCompletion);
    }

    assertThat(r.events).containsExactly(
        STREAM_START, "attempt 1", "headers 400", "failed BadRequestException");
  }

  @Test
  void aRetryIsAnnouncedBetweenItsAttempts() {
    server.enqueue(MockResponse.error(503, "{\"error\":{\"message\":\"busy\"}}"));
    server.enqueue(MockResponse.json(completionJson("Hi")));
    Recorder r = new Recorder();

    recorded(r).chat().create(tuned());

    assertThat(r.events).containsExactly(START, "attempt 1", "headers 503",
        "retry 2 InternalServerException", "attempt 2", "headers 200",
        "end chatcmpl-1 gpt-test stop 3+2");
  }

  @Test
  void aListenerOfTheOneArgumentEventsStillHearsThem() {
    server.enqueue(MockResponse.json(completionJson("Hi")));
    List<String> events = new CopyOnWriteArrayList<>();

    client(b -> b.eventListener(new EventListener() {
      @Override
      public void callStart(HttpRequest request) {
        events.add("start");
      }

      @Override
      public void callEnd() {
        events.add("end");
      }
    })).chat().create(request());

    assertThat(events).containsExactly("start", "end");
  }

  @Test
  void listenersCombinedEachHearEveryEventEvenWhenOneThrows() {
    server.enqueue(MockResponse.sse(chunkJson("a"), finishJson()));
    Recorder r = new Recorder();
    EventListener throwing = new EventListener() {
      @Override
      public void callStart(ChatCompletionRequest request, HttpRequest httpRequest) {
        throw new IllegalStateException("observer bug");
      }

      @Override
      public void chunk(ChatCompletionChunk chunk) {
        throw new IllegalStateException("observer bug");
      }
    };

    ChatCompletion c;
    try (ChatStream s = client(b -> b.eventListenerFactory(
            EventListener.Factory.all(req -> throwing, req -> r))).chat().stream(request())) {
      c = s.getCompletion();
    }

    assertThat(text(c)).isEqualTo("a");
    assertThat(r.events).containsExactly(
        "start gpt-test max=null t=null stream=true /v1/chat/completions", "attempt 1",
        "headers 200", "chunk a", "chunk -", "end chatcmpl-1 gpt-test stop no usage");
  }
}
