package dev.chatwire.examples;

import static dev.chatwire.examples.Scripts.answer;
import static dev.chatwire.examples.Scripts.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java programs whose Kotlin counterpart prints otherwise (or has none). */
class JavaOnlyExamplesTest extends ExampleServer {
  @Test
  void asyncPrintsTheFutureAndTheListenersText() {
    server.enqueue(MockResponse.json(answer("7")));
    server.enqueue(MockResponse.sse(content("1", "3")));

    assertThat(run(AsyncExample::run)).isEqualTo("async: 7\n13\nstreamed: 13\n");
    assertThat(chatRequestBody()).doesNotContain("\"stream\"");
    assertThat(chatRequestBody()).contains("\"stream\":true");
  }

  @Test
  void cancellationStopsAStreamEarlyAndEndsAStalledOneAtItsDeadline() {
    Gate never = new Gate();
    server.enqueue(MockResponse.sse(content("1\n", "2\n", "3\n", "4\n", "5\n")));
    server.enqueue(MockResponse.sse(content("1\n", "2\n", "3\n")).faultAtEvent(2, Fault.stallUntil(never)));
    try {
      String out = run((e, o) -> CancellationExample.run(e, Duration.ofMillis(300), o));

      assertThat(out).isEqualTo("1\n2\n3\n\nstopped after 3 pieces\n"
          + "1\n2\n\nDeadlineExceededException after 300 ms, kept: 1\n2\n\n");
      assertClosed(request());
      assertClosed(request());
    } finally {
      never.release();
    }
  }

  @Test
  void structuredOutputShowsPartialsThenTheAnswer() {
    server.enqueue(MockResponse.sse(
        content("{\"city\":\"Lisbon\",\"sights\":[\"Alfama\",\"Belem\"],\"tip\":null}", 6)));

    assertThat(run(StructuredOutputExample::run))
        .contains("... Recommendation[city=Lis, sights=null, tip=null]",
            "... Recommendation[city=Lisbon, sights=[Al], tip=null]")
        .endsWith("city=Lisbon sights=[Alfama, Belem] tip=null\n");
    assertThat(chatRequestBody()).contains("\"type\":\"json_schema\"", "\"name\":\"Recommendation\"",
        "\"strict\":true");
  }

  @Test
  void toolLoopRunsBothToolsThenAnswers() {
    enqueueTokyoToolCalls(server, "{\"city\":\"Tokyo\"}");
    server.enqueue(MockResponse.json(answer("In Tokyo it is 21:00 and 18 C, clear.")));

    assertThat(run(ToolLoopExample::run)).isEqualTo("round 1: 1 messages\n"
        + "  get_weather -> Tokyo: 18 C, clear\n"
        + "  local_time -> 21:00\n"
        + "round 2: 4 messages\n"
        + "answer: In Tokyo it is 21:00 and 18 C, clear. (2 rounds)\n");
    assertThat(chatRequestBody()).contains("\"name\":\"get_weather\"", "\"name\":\"local_time\"");
    assertThat(chatRequestBody()).contains("\"tool_call_id\":\"call_2\"");
  }
}
