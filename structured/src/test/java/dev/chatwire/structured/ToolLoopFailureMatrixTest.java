package dev.chatwire.structured;

import static dev.chatwire.structured.Replies.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed arguments and a tool that throws, on every transport and in every way of running the
 * loop (blocking, async, streaming, streaming async): reported to the model as the calls' results
 * by default, or the loop stopped with the tool's exception when asked.
 */
class ToolLoopFailureMatrixTest {
  record GetWeather(String city) {}

  enum Mode { BLOCKING, ASYNC, STREAMING, STREAMING_ASYNC }

  private static final String[] CUT = call("call_1", "get_weather", "{\"city\":\"Par");
  private static final String[] ATLANTIS = call("call_2", "get_weather", "{\"city\":\"Atlantis\"}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatServer server = ChatServer.start();
  private final TypedTool<GetWeather> weather = TypedTool.of("get_weather", null, GetWeather.class);
  private final Tools tools = Tools.builder().add(weather, a -> {
    if (a.city().equals("Atlantis")) throw new IllegalStateException("no such city");
    return "21 C";
  }).build();
  private final ChatCompletionRequest request =
      ChatCompletionRequest.builder().model("m").addUserMessage("Weather?").build();

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

  private static boolean streams(Mode mode) {
    return mode == Mode.STREAMING || mode == Mode.STREAMING_ASYNC;
  }

  private void enqueueCalls(Mode mode, String[]... calls) {
    server.enqueue(streams(mode)
        ? MockResponse.sse(Replies.streamedToolCalls(3, calls))
        : MockResponse.json(Replies.toolCalls(calls)));
  }

  private static ToolLoopResult run(ToolLoop loop, Mode mode, ChatCompletionRequest request)
      throws Exception {
    switch (mode) {
      case BLOCKING: return loop.run(request);
      case ASYNC: return loop.runAsync(request).get(10, TimeUnit.SECONDS);
      case STREAMING: return loop.runStreaming(request);
      default: return loop.runStreamingAsync(request).get(10, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("transportsAndModes")
  void bothFailuresAreReportedToTheModelInCallOrder(TransportKind kind, Mode mode)
      throws Exception {
    enqueueCalls(mode, CUT, ATLANTIS);
    server.enqueue(streams(mode)
        ? MockResponse.sse(Replies.streamedContent("Sorry.", 3, "stop"))
        : MockResponse.json(Replies.content("Sorry.", "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      assertThat(run(ToolLoop.builder(c.client, tools).build(), mode, request).getText())
          .isEqualTo("Sorry.");
    }
    server.takeRequest(Duration.ofSeconds(5));
    JsonNode messages = JSON.readTree(server.takeRequest(Duration.ofSeconds(5)).getBodyUtf8())
        .path("messages");
    assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(messages.get(2).path("content").asText())
        .startsWith("{\"error\":\"OutputMismatchException: the arguments of get_weather is cut off");
    assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_2");
    assertThat(messages.get(3).path("content").asText())
        .isEqualTo("{\"error\":\"IllegalStateException: no such city\"}");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("transportsAndModes")
  void aThrowingToolStopsTheLoopWhenAskedTo(TransportKind kind, Mode mode) throws Exception {
    enqueueCalls(mode, ATLANTIS);
    try (TransportKind.Connection c = kind.connect(server)) {
      ToolLoop stopping =
          ToolLoop.builder(c.client, tools).onToolError(ToolErrorPolicy.STOP).build();
      assertThatThrownBy(() -> run(stopping, mode, request))
          .satisfies(e -> {
            Throwable t = e instanceof ExecutionException ? e.getCause() : e;
            assertThat(t).isInstanceOfSatisfying(ToolExecutionException.class, x -> {
              assertThat(x.getCallId()).isEqualTo("call_2");
              assertThat(x.getCause()).hasMessage("no such city");
            });
          });
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
