package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.structured.SampleTypes.Weather;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A refusal, a {@code length} cut-off and an answer that does not fit the type, each on every
 * transport and in every way of calling (blocking, async, streamed, streamed async): always the
 * typed exception, carrying the raw text.
 */
class StructuredFailureMatrixTest {
  private static final String CUT = "{\"city\":\"Paris\",\"temperature\":21.5,\"unit\":\"CEL";

  enum Mode { BLOCKING, ASYNC, STREAM, STREAM_ASYNC }

  private final ChatServer server = ChatServer.start();
  private final ChatCompletionRequest request = ChatCompletionRequest.builder().model("m")
      .addUserMessage("Weather in Paris?")
      .responseFormat(StructuredOutput.responseFormat(Weather.class)).build();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> transportsAndModes() {
    List<Arguments> all = new ArrayList<>();
    for (TransportKind kind : TransportKind.values()) {
      for (Mode mode : Mode.values()) all.add(Arguments.of(kind, mode));
    }
    return all.stream();
  }

  /** The completion of one call in {@code mode}; the server answers as that mode needs. */
  private ChatCompletion call(TransportKind kind, Mode mode, String whole, List<String> chunks)
      throws Exception {
    boolean stream = mode == Mode.STREAM || mode == Mode.STREAM_ASYNC;
    server.enqueue(stream ? MockResponse.sse(chunks) : MockResponse.json(whole));
    try (TransportKind.Connection c = kind.connect(server)) {
      switch (mode) {
        case BLOCKING:
          return c.client.chat().create(request);
        case ASYNC:
          return c.client.chat().createAsync(request).get(10, TimeUnit.SECONDS);
        case STREAM:
          try (ChatStream s = c.client.chat().stream(request)) {
            return s.getCompletion();
          }
        default:
          return c.client.chat().streamAsync(request, chunk -> { }).get(10, TimeUnit.SECONDS);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("transportsAndModes")
  void aRefusalIsARefusalException(TransportKind kind, Mode mode) throws Exception {
    String text = "I can't share weather.";
    List<String> chunks = List.of(
        chunkOf("{\"role\":\"assistant\",\"content\":null,\"refusal\":\"\"}", null),
        chunkOf("{\"refusal\":\"I can't \"}", null),
        chunkOf("{\"refusal\":\"share weather.\"}", null),
        chunkOf("{}", "stop"));
    ChatCompletion done = call(kind, mode, Replies.refusal(text), chunks);
    assertThatThrownBy(() -> StructuredOutput.parse(done, Weather.class))
        .isInstanceOfSatisfying(RefusalException.class,
            e -> assertThat(e.getRawText()).isEqualTo(text));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("transportsAndModes")
  void aLengthCutOffIsATruncatedOutput(TransportKind kind, Mode mode) throws Exception {
    ChatCompletion done = call(kind, mode, Replies.content(CUT, "length"),
        Replies.streamedContent(CUT, 7, "length"));
    assertThatThrownBy(() -> StructuredOutput.parse(done, Weather.class))
        .isInstanceOfSatisfying(TruncatedOutputException.class,
            e -> assertThat(e.getRawText()).isEqualTo(CUT));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("transportsAndModes")
  void anAnswerThatDoesNotFitIsAMismatch(TransportKind kind, Mode mode) throws Exception {
    String wrong = "{\"city\":[]}";
    ChatCompletion done = call(kind, mode, Replies.content(wrong, "stop"),
        Replies.streamedContent(wrong, 4, "stop"));
    assertThatThrownBy(() -> StructuredOutput.parse(done, Weather.class))
        .isInstanceOfSatisfying(OutputMismatchException.class,
            e -> assertThat(e.getRawText()).isEqualTo(wrong));
  }

  private static String chunkOf(String delta, String finishReason) {
    return "{\"id\":\"chatcmpl-1\",\"created\":1700000000,\"model\":\"m\","
        + "\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":" + delta
        + ",\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"")
        + "}]}";
  }
}
