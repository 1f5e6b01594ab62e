package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.CompletionDone;
import dev.chatwire.stream.ContentDelta;
import dev.chatwire.stream.ContentDone;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.StreamEvents;
import dev.chatwire.stream.ToolCallArgumentsDelta;
import dev.chatwire.stream.ToolCallDone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Typed stream events over a real transport and real sockets, blocking ({@code
 * ChatStream.events()}) and async ({@code StreamEvents.listener}): a structured answer with its
 * partial values, two parallel tool calls, and a stream that breaks. Every transport module runs
 * it by extending this class.
 *
 * <pre>{@code
 * class JdkEventsTest extends EventsContract {
 *   @Override protected Transport newTransport() { return JdkTransport.create(); }
 * }
 * }</pre>
 */
public abstract class EventsContract extends ClientHarness {
  private static final List<String> ANSWER = Arrays.asList(
      chunk("{\"role\":\"assistant\",\"content\":\"\"}", null),
      chunk("{\"content\":\"{\\\"city\\\": \\\"Pa\"}", null),
      chunk("{\"content\":\"ris\\\", \\\"days\\\": [1, 2\"}", null),
      chunk("{\"content\":\"]}\"}", null),
      chunk("{}", "stop"));
  private static final List<String> TWO_CALLS = Arrays.asList(
      chunk(call(0, "call_a", "get_weather", "{\\\"city\\\":"), null),
      chunk(call(1, "call_b", "get_time", "{\\\"tz\\\":"), null),
      chunk(call(0, null, null, "\\\"Oslo\\\"}"), null),
      chunk(call(1, null, null, "\\\"CET\\\"}"), null),
      chunk("{}", "tool_calls"));

  private static String chunk(String delta, @Nullable String finish) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":" + delta
        + ",\"finish_reason\":" + (finish == null ? "null" : "\"" + finish + "\"") + "}]}";
  }

  private static String call(int index, @Nullable String id, @Nullable String name, String args) {
    return "{\"tool_calls\":[{\"index\":" + index
        + (id == null ? "" : ",\"id\":\"" + id + "\",\"type\":\"function\"")
        + ",\"function\":{" + (name == null ? "" : "\"name\":\"" + name + "\",")
        + "\"arguments\":\"" + args + "\"}}]}";
  }

  private static ChatCompletionRequest structured() {
    return request().toBuilder()
        .responseFormat(ResponseFormat.jsonSchema("trip", "{\"type\":\"object\"}"))
        .build();
  }

  private static List<StreamEvent> blocking(ChatStream stream) {
    List<StreamEvent> events = new ArrayList<>();
    try (ChatStream s = stream) {
      for (StreamEvent e : s.events()) events.add(e);
    }
    return events;
  }

  @Test
  void blockingEventsShowAStructuredAnswerAsItForms() {
    server.enqueue(MockResponse.sse(ANSWER).drip());

    List<StreamEvent> events = blocking(client().chat().stream(structured()));

    assertThat(events).hasSize(5);
    assertThat(((ContentDelta) events.get(0)).getPartialValue())
        .isEqualTo(Collections.singletonMap("city", "Pa"));
    assertThat(((ContentDelta) events.get(1)).getPartialValue()).hasToString("{city=Paris, days=[1]}");
    assertThat(((ContentDelta) events.get(2)).getPartialValue()).hasToString("{city=Paris, days=[1, 2]}");
    assertThat(((ContentDone) events.get(3)).getContent())
        .isEqualTo("{\"city\": \"Paris\", \"days\": [1, 2]}");
    ChatCompletion whole = ((CompletionDone) events.get(4)).getCompletion();
    assertThat(text(whole)).isEqualTo("{\"city\": \"Paris\", \"days\": [1, 2]}");
  }

  @Test
  void blockingEventsOfTwoParallelToolCalls() {
    server.enqueue(MockResponse.sse(TWO_CALLS));

    List<StreamEvent> events = blocking(client().chat().stream(request()));

    assertThat(events).hasSize(7);
    ToolCallArgumentsDelta third = (ToolCallArgumentsDelta) events.get(2);
    assertThat(third.getId()).isEqualTo("call_a");
    assertThat(third.getName()).isEqualTo("get_weather");
    assertThat(third.getPartialValue()).isEqualTo(Collections.singletonMap("city", "Oslo"));
    ToolCallDone a = (ToolCallDone) events.get(4);
    ToolCallDone b = (ToolCallDone) events.get(5);
    assertThat(Arrays.asList(a.getCallIndex(), a.getId(), a.getName(), a.getArguments()))
        .containsExactly(0, "call_a", "get_weather", "{\"city\":\"Oslo\"}");
    assertThat(Arrays.asList(b.getCallIndex(), b.getId(), b.getName(), b.getArguments()))
        .containsExactly(1, "call_b", "get_time", "{\"tz\":\"CET\"}");
    assertThat(events.get(6)).isInstanceOf(CompletionDone.class);
  }

  @Test
  void asyncEventsAreTheBlockingOnes() throws Exception {
    server.enqueue(MockResponse.sse(TWO_CALLS));
    server.enqueue(MockResponse.sse(TWO_CALLS));
    List<StreamEvent> async = new CopyOnWriteArrayList<>();

    CompletableFuture<ChatCompletion> f = client().chat()
        .streamAsync(request(), StreamEvents.listener(request(), async::add));
    ChatCompletion completion = f.get(10, TimeUnit.SECONDS);
    List<StreamEvent> blocking = blocking(client().chat().stream(request()));

    assertThat(describe(async)).isEqualTo(describe(blocking));
    assertThat(((CompletionDone) async.get(async.size() - 1)).getCompletion()).isEqualTo(completion);
  }

  @Test
  void aBrokenStreamFailsTheEventsWithThePartialCompletion() throws Exception {
    server.enqueue(MockResponse.sse(ANSWER).faultAtEvent(3, Fault.close()));
    server.enqueue(MockResponse.sse(ANSWER).faultAtEvent(3, Fault.close()));
    List<StreamEvent> seen = new ArrayList<>();

    ChatWireException e;
    try (ChatStream s = client().chat().stream(structured())) {
      e = catchThrowableOfType(ChatWireException.class, () -> s.events().forEach(seen::add));
    }
    List<StreamEvent> async = new CopyOnWriteArrayList<>();
    CompletableFuture<ChatCompletion> f = client().chat()
        .streamAsync(structured(), StreamEvents.listener(structured(), async::add));
    ExecutionException failed = catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));

    assertThat(e).isNotNull();
    assertThat(text(e.getPartialCompletion())).isEqualTo("{\"city\": \"Paris\", \"days\": [1, 2");
    assertThat(seen).hasSize(2).allMatch(ev -> ev instanceof ContentDelta);
    assertThat(failed.getCause()).isInstanceOf(ChatWireException.class);
    assertThat(describe(async)).isEqualTo(describe(seen));
  }

  private static List<String> describe(List<StreamEvent> events) {
    List<String> out = new ArrayList<>();
    for (StreamEvent e : events) {
      String line = e.getClass().getSimpleName();
      if (e instanceof ToolCallArgumentsDelta) {
        ToolCallArgumentsDelta d = (ToolCallArgumentsDelta) e;
        line += " " + d.getCallIndex() + " " + d.getArguments() + " " + d.getPartialValue();
      } else if (e instanceof ContentDelta) {
        line += " " + ((ContentDelta) e).getContent() + " " + ((ContentDelta) e).getPartialValue();
      } else if (e instanceof ToolCallDone) {
        line += " " + ((ToolCallDone) e).getId() + " " + ((ToolCallDone) e).getArguments();
      }
      out.add(line);
    }
    return out;
  }
}
