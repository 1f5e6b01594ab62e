package dev.chatwire.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.FinishReason;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kotlin.Unit;
import me.kpavlov.aimocks.openai.MockOpenai;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ChatWire client on every transport against ai-mocks' OpenAI mock (a Ktor server, embedded
 * on an ephemeral port): plain and streamed answers, a stream that ends without {@code [DONE]},
 * and error statuses. Each test matches its own request by a word in the user message, so one
 * server serves them all.
 *
 * <p>The mock departs from OpenAI's wire format where real servers do too ({@link
 * AiMocksWireTest} pins that): {@code data:} without a space, {@code Content-Type} and {@code
 * Connection} sent twice on a stream, and an error's JSON served as {@code text/plain}.
 */
class AiMocksOpenaiTest {
  private static MockOpenai openai;

  private Transport transport;
  private ChatWire client;
  private EventListener eventListener = EventListener.NONE;

  @BeforeAll
  static void startServer() {
    openai = new MockOpenai(0, false);
  }

  @AfterAll
  static void stopServer() {
    openai.shutdown();
  }

  @AfterEach
  void closeClient() throws Exception {
    if (client != null) client.close();
    if (transport != null) transport.close();
  }

  private ChatWire client(Wire wire) {
    transport = wire.create();
    client = ChatWire.builder()
        .baseUrl(openai.baseUrl())
        .apiKey("sk-interop")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .eventListener(eventListener)
        .build();
    return client;
  }

  private static ChatCompletionRequest ask(String words) {
    return ChatCompletionRequest.builder().model("gpt-4o-mini").addUserMessage(words).build();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void plainAnswerArrivesWhole(Wire wire) {
    String word = "plain-" + wire;
    openai.completion(req -> req.userMessageContains(word))
        .responds(res -> {
          res.assistantContent("Hello from ai-mocks on " + wire);
          res.finishReason("stop");
        });

    ChatCompletion completion = client(wire).chat().create(ask("say " + word));

    assertThat(completion.getChoices()).hasSize(1);
    assertThat(completion.getChoices().get(0).getMessage().getContent())
        .isEqualTo("Hello from ai-mocks on " + wire);
    assertThat(completion.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
    assertThat(completion.getModel()).isEqualTo("gpt-4o-mini");
    assertThat(completion.getId()).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void streamedAnswerArrivesChunkByChunkAndAccumulates(Wire wire) {
    String word = "stream-" + wire;
    openai.completion(req -> req.userMessageContains(word))
        .respondsStream(res -> {
          res.chunks("Hel", "lo, ", "stream", "ing ", wire.name());
          res.setFinishReason("stop");
          res.setSendDone(true);
          return Unit.INSTANCE;
        });

    List<String> contentTypes = new ArrayList<>();
    eventListener = new EventListener() {
      @Override
      public void responseHeaders(int status, Headers headers) {
        contentTypes.addAll(headers.values("Content-Type"));
      }
    };
    List<String> texts = new ArrayList<>();
    ChatCompletion completion;
    try (ChatStream stream = client(wire).chat().stream(ask("stream " + word))) {
      for (String text : stream.textDeltas()) texts.add(text);
      completion = stream.getCompletion();
    }

    assertThat(String.join("", texts)).isEqualTo("Hello, streaming " + wire.name());
    assertThat(completion.getChoices().get(0).getMessage().getContent())
        .isEqualTo("Hello, streaming " + wire.name());
    assertThat(completion.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
    assertThat(contentTypes).containsExactly("text/event-stream", "text/event-stream");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void streamWithoutDoneEndsWithTheCompletion(Wire wire) throws Exception {
    String word = "nodone-" + wire;
    openai.completion(req -> req.userMessageContains(word))
        .respondsStream(res -> {
          res.chunks("no ", "done ", "here");
          res.setFinishReason("stop");
          res.setSendDone(false);
          return Unit.INSTANCE;
        });

    List<ChatCompletionChunk> chunks = new ArrayList<>();
    CompletableFuture<ChatCompletion> future = client(wire).chat()
        .streamAsync(ask("stream " + word), (StreamListener) chunks::add);
    ChatCompletion completion = future.get(10, TimeUnit.SECONDS);

    assertThat(completion.getChoices().get(0).getMessage().getContent()).isEqualTo("no done here");
    assertThat(completion.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
    assertThat(chunks).isNotEmpty();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void errorStatusBecomesItsTypedException(Wire wire) {
    String word = "limited-" + wire;
    openai.completion(req -> req.userMessageContains(word))
        .respondsError(err -> {
          err.httpStatus(429);
          err.setBody(
              "{\"error\":{\"message\":\"Rate limit reached for gpt-4o-mini\","
                  + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        });

    assertThatThrownBy(() -> client(wire).chat().create(ask("call " + word)))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.getStatus()).isEqualTo(429);
          assertThat(e.getCode()).isEqualTo("rate_limit_exceeded");
          assertThat(e.getError().getMessage()).isEqualTo("Rate limit reached for gpt-4o-mini");
        });
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void errorStatusOnAStreamBecomesItsTypedException(Wire wire) {
    String word = "refused-" + wire;
    openai.completion(req -> req.userMessageContains(word))
        .respondsError(err -> {
          err.httpStatus(400);
          err.setBody(
              "{\"error\":{\"message\":\"Invalid 'messages'\",\"type\":\"invalid_request_error\","
                  + "\"param\":\"messages\",\"code\":null}}");
        });

    assertThatThrownBy(() -> {
          try (ChatStream stream = client(wire).chat().stream(ask("stream " + word))) {
            stream.forEach(chunk -> {});
          }
        })
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getStatus()).isEqualTo(400);
          assertThat(e.getParam()).isEqualTo("messages");
          assertThat(e.getType()).isEqualTo("invalid_request_error");
        });
  }
}
