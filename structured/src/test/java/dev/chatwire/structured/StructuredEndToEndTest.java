package dev.chatwire.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.structured.SampleTypes.Unit;
import dev.chatwire.structured.SampleTypes.Weather;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Structured output over the testkit server on every transport: blocking, async, streaming. */
class StructuredEndToEndTest {
  private static final String ANSWER = "{\"city\":\"Paris\",\"temperature\":21.5,\"unit\":"
      + "\"CELSIUS\",\"note\":\"sunny \\\"all\\\" day\",\"humidity\":40,\"hourly\":[18,19,21]}";
  private static final Weather EXPECTED = new Weather("Paris", 21.5, Unit.CELSIUS,
      "sunny \"all\" day", java.util.Optional.of(40), new int[] {18, 19, 21});

  private final ChatServer server = ChatServer.start();
  private final ChatCompletionRequest request = ChatCompletionRequest.builder().model("m")
      .addUserMessage("Weather in Paris?")
      .responseFormat(StructuredOutput.responseFormat(Weather.class)).build();

  @AfterEach
  void stop() {
    server.close();
  }

  private static void assertWeather(Weather w) {
    assertThat(w).usingRecursiveComparison().isEqualTo(EXPECTED);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void blockingCallSendsTheStrictSchemaAndReadsTheAnswer(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.content(ANSWER, "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      assertWeather(StructuredOutput.parse(c.client.chat().create(request), Weather.class));
    }
    JsonNode sent = new ObjectMapper().readTree(server.takeRequest(Duration.ofSeconds(5)).getBodyUtf8());
    JsonNode format = sent.path("response_format");
    assertThat(format.path("type").asText()).isEqualTo("json_schema");
    assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
    assertThat(format.path("json_schema").path("name").asText()).isEqualTo("Weather");
    assertThat(StrictModeValidator.violations(format.path("json_schema").path("schema"))).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void asyncCallReadsTheAnswer(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.content(ANSWER, "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      ChatCompletion done = c.client.chat().createAsync(request).get(10, TimeUnit.SECONDS);
      assertWeather(StructuredOutput.parse(done, Weather.class));
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void streamingGivesPartialObjectsConsistentWithTheFinalOne(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.sse(Replies.streamedContent(ANSWER, 3, "stop")));
    List<Weather> partials = new ArrayList<>();
    Weather last;
    try (TransportKind.Connection c = kind.connect(server);
        ChatStream stream = c.client.chat().stream(request)) {
      for (StreamEvent e : stream.events()) {
        Weather w = StructuredStream.partial(e, Weather.class);
        if (w != null) partials.add(w);
      }
      last = StructuredOutput.parse(stream.getCompletion(), Weather.class);
    }
    assertWeather(last);
    assertThat(partials).hasSizeGreaterThan(10);
    assertThat(partials.get(partials.size() - 1)).usingRecursiveComparison().isEqualTo(last);
    for (Weather p : partials) {
      if (p.city() != null) assertThat(last.city()).startsWith(p.city());
      if (p.note() != null) assertThat(last.note()).startsWith(p.note());
      if (p.unit() != null) assertThat(p.unit()).isEqualTo(last.unit());
      if (p.hourly() != null && p.hourly().length > 0) {
        assertThat(last.hourly()).startsWith(p.hourly());
      }
    }
    assertThat(partials).anySatisfy(p -> assertThat(p.city()).isEqualTo("Par"));
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void asyncStreamingHandsPartialsToTheListener(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.sse(Replies.streamedContent(ANSWER, 5, "stop")));
    List<Weather> partials = new CopyOnWriteArrayList<>();
    try (TransportKind.Connection c = kind.connect(server)) {
      ChatCompletion done = c.client.chat().streamAsync(request,
          StructuredStream.listener(request, Weather.class, partials::add)).get(10, TimeUnit.SECONDS);
      assertWeather(StructuredOutput.parse(done, Weather.class));
    }
    assertThat(partials).isNotEmpty();
    assertThat(partials.get(partials.size() - 1)).usingRecursiveComparison().isEqualTo(EXPECTED);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void aRefusalIsARefusalException(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.refusal("I can't share weather.")));
    try (TransportKind.Connection c = kind.connect(server)) {
      ChatCompletion done = c.client.chat().create(request);
      assertThatThrownBy(() -> StructuredOutput.parse(done, Weather.class))
          .isInstanceOfSatisfying(RefusalException.class,
              e -> assertThat(e.getRawText()).isEqualTo("I can't share weather."));
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void aStreamCutOffAtTheLengthLimitIsATruncatedOutput(TransportKind kind) throws Exception {
    String cut = ANSWER.substring(0, 40);
    server.enqueue(MockResponse.sse(Replies.streamedContent(cut, 7, "length")));
    try (TransportKind.Connection c = kind.connect(server);
        ChatStream stream = c.client.chat().stream(request)) {
      ChatCompletion done = stream.getCompletion();
      assertThatThrownBy(() -> StructuredOutput.parse(done, Weather.class))
          .isInstanceOfSatisfying(TruncatedOutputException.class,
              e -> assertThat(e.getRawText()).isEqualTo(cut));
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void anAsyncAnswerThatDoesNotFitIsAMismatch(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.content("{\"city\":[]}", "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      assertThatThrownBy(() -> c.client.chat().createAsync(request)
          .thenApply(done -> StructuredOutput.parse(done, Weather.class)).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(OutputMismatchException.class);
    }
  }
}
