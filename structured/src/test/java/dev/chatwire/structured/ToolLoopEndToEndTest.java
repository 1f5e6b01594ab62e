package dev.chatwire.structured;

import static dev.chatwire.structured.Replies.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Role;
import dev.chatwire.model.ToolCall;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.ToolCallDone;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tool loop over the testkit server on every transport: blocking, async, streaming. */
class ToolLoopEndToEndTest {
  record GetWeather(String city) {}

  private static final String[] PARIS = call("call_1", "get_weather", "{\"city\":\"Paris\"}");
  private static final String[] OSLO = call("call_2", "get_weather", "{\"city\":\"Oslo\"}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatServer server = ChatServer.start();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final List<String> ran = new CopyOnWriteArrayList<>();
  private final TypedTool<GetWeather> weather = TypedTool.of("get_weather", null, GetWeather.class);
  private final Tools tools = Tools.builder().add(weather, a -> {
    ran.add(a.city());
    if (a.city().equals("Atlantis")) throw new IllegalStateException("no such city");
    return a.city().equals("Paris") ? "21 C" : new Temperature(-3);
  }).build();
  private final ChatCompletionRequest request =
      ChatCompletionRequest.builder().model("m").addUserMessage("Paris or Oslo?").build();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final ToolLoopListener listener = new ToolLoopListener() {
    @Override public void onRequest(int round, ChatCompletionRequest r) {
      seen.add(round + ":request");
    }

    @Override public void onEvent(int round, StreamEvent e) {
      if (e instanceof ToolCallDone) seen.add(round + ":done " + ((ToolCallDone) e).getId());
      GetWeather partial = StructuredStream.partialArguments(e, weather);
      if (partial != null && "Par".equals(partial.city())) seen.add(round + ":partial Par");
    }

    @Override public void onResponse(int round, ChatCompletion c) {
      seen.add(round + ":response");
    }

    @Override public void onToolResult(int round, ToolCall call, ChatMessage result) {
      seen.add(round + ":result " + call.getId());
    }
  };

  record Temperature(int celsius) {}

  @AfterEach
  void stop() {
    server.close();
    pool.shutdownNow();
  }

  private ToolLoop loop(TransportKind.Connection c) {
    return ToolLoop.builder(c.client, tools).executor(pool).listener(listener).build();
  }

  /** The second request: the question, the assistant's calls, the results in call order. */
  private void assertSecondRequestAnswersBothCallsInOrder() throws Exception {
    JsonNode first = JSON.readTree(server.takeRequest(Duration.ofSeconds(5)).getBodyUtf8());
    assertThat(first.path("tools").get(0).path("function").path("strict").asBoolean()).isTrue();
    JsonNode messages = JSON.readTree(server.takeRequest(Duration.ofSeconds(5)).getBodyUtf8())
        .path("messages");
    assertThat(messages).hasSize(4);
    assertThat(messages.get(1).path("role").asText()).isEqualTo("assistant");
    assertThat(messages.get(1).path("tool_calls")).hasSize(2);
    assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(messages.get(2).path("content").asText()).isEqualTo("21 C");
    assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_2");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("{\"celsius\":-3}");
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void blockingLoopRunsTwoParallelCallsAndAnswersThemInOrder(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.toolCalls(PARIS, OSLO)));
    server.enqueue(MockResponse.json(Replies.content("Paris is warmer.", "stop")));
    ToolLoopResult result;
    try (TransportKind.Connection c = kind.connect(server)) {
      result = loop(c).run(request);
    }
    assertThat(result.getText()).isEqualTo("Paris is warmer.");
    assertThat(result.getRounds()).isEqualTo(2);
    assertThat(result.getMessages()).extracting(ChatMessage::getRole)
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.TOOL, Role.ASSISTANT);
    assertThat(result.getMessages().get(1).getReasoningContent()).isEqualTo("thinking");
    assertThat(ran).containsExactlyInAnyOrder("Paris", "Oslo");
    assertThat(seen).containsExactly("1:request", "1:response", "1:result call_1",
        "1:result call_2", "2:request", "2:response");
    assertSecondRequestAnswersBothCallsInOrder();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void asyncLoopGivesTheSameConversation(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.toolCalls(PARIS, OSLO)));
    server.enqueue(MockResponse.json(Replies.content("Paris is warmer.", "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      ToolLoopResult result = loop(c).runAsync(request).get(10, TimeUnit.SECONDS);
      assertThat(result.getText()).isEqualTo("Paris is warmer.");
    }
    assertSecondRequestAnswersBothCallsInOrder();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void streamingLoopStreamsEachRoundWithPartialArguments(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.sse(Replies.streamedToolCalls(2, PARIS, OSLO)));
    server.enqueue(MockResponse.sse(Replies.streamedContent("Paris is warmer.", 4, "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      ToolLoopResult result = loop(c).runStreaming(request);
      assertThat(result.getText()).isEqualTo("Paris is warmer.");
    }
    assertThat(seen).containsSubsequence("1:request", "1:partial Par", "1:done call_1",
        "1:done call_2", "1:response", "1:result call_1", "1:result call_2", "2:request",
        "2:response");
    assertSecondRequestAnswersBothCallsInOrder();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void asyncStreamingLoopFinishes(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.sse(Replies.streamedToolCalls(3, PARIS, OSLO)));
    server.enqueue(MockResponse.sse(Replies.streamedContent("Paris is warmer.", 4, "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      ToolLoopResult result = loop(c).runStreamingAsync(request).get(10, TimeUnit.SECONDS);
      assertThat(result.getText()).isEqualTo("Paris is warmer.");
    }
    assertThat(seen).contains("1:done call_2", "1:partial Par");
    assertSecondRequestAnswersBothCallsInOrder();
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void malformedArgumentsAndAThrowingToolAreReportedToTheModel(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.toolCalls(
        call("call_1", "get_weather", "{\"city\":\"Par"),
        call("call_2", "get_weather", "{\"city\":\"Atlantis\"}"))));
    server.enqueue(MockResponse.json(Replies.content("Sorry.", "stop")));
    try (TransportKind.Connection c = kind.connect(server)) {
      assertThat(loop(c).run(request).getText()).isEqualTo("Sorry.");
    }
    server.takeRequest(Duration.ofSeconds(5));
    JsonNode messages = JSON.readTree(server.takeRequest(Duration.ofSeconds(5)).getBodyUtf8())
        .path("messages");
    assertThat(messages.get(2).path("content").asText())
        .startsWith("{\"error\":\"OutputMismatchException: the arguments of get_weather is cut off");
    assertThat(messages.get(3).path("content").asText())
        .isEqualTo("{\"error\":\"IllegalStateException: no such city\"}");
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void aThrowingToolStopsTheLoopWhenAskedTo(TransportKind kind) throws Exception {
    server.enqueue(MockResponse.json(Replies.toolCalls(
        call("call_9", "get_weather", "{\"city\":\"Atlantis\"}"))));
    try (TransportKind.Connection c = kind.connect(server)) {
      ToolLoop stopping = ToolLoop.builder(c.client, tools).onToolError(ToolErrorPolicy.STOP).build();
      assertThatThrownBy(() -> stopping.run(request))
          .isInstanceOfSatisfying(ToolExecutionException.class, e -> {
            assertThat(e.getCallId()).isEqualTo("call_9");
            assertThat(e.getCause()).hasMessage("no such city");
          });
      server.enqueue(MockResponse.json(Replies.toolCalls(
          call("call_9", "get_weather", "{\"city\":\"Atlantis\"}"))));
      assertThatThrownBy(() -> stopping.runAsync(request).join())
          .isInstanceOf(CompletionException.class).hasCauseInstanceOf(ToolExecutionException.class);
    }
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void aModelThatKeepsCallingToolsHitsTheRoundLimit(TransportKind kind) throws Exception {
    for (int i = 0; i < 2; i++) server.enqueue(MockResponse.json(Replies.toolCalls(PARIS)));
    try (TransportKind.Connection c = kind.connect(server)) {
      ToolLoop bounded = ToolLoop.builder(c.client, tools).maxRounds(2).build();
      assertThatThrownBy(() -> bounded.run(request))
          .isInstanceOfSatisfying(MaxRoundsExceededException.class, e -> {
            assertThat(e.getMessages()).hasSize(3);
            assertThat(e.getLastCompletion().getChoices().get(0).getMessage().getToolCalls())
                .hasSize(1);
          })
          .hasMessage("the model still called tools after 2 rounds, the loop's limit");
    }
    assertThat(ran).containsExactly("Paris");
  }
}
