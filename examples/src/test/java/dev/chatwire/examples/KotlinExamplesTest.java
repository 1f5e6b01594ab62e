package dev.chatwire.examples;

import static dev.chatwire.examples.Scripts.answer;
import static dev.chatwire.examples.Scripts.choice;
import static dev.chatwire.examples.Scripts.chunk;
import static dev.chatwire.examples.Scripts.completion;
import static dev.chatwire.examples.Scripts.content;
import static dev.chatwire.examples.Scripts.quote;
import static dev.chatwire.examples.Scripts.toolCall;
import static dev.chatwire.examples.Scripts.withUsage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.examples.kotlin.CancellationKt;
import dev.chatwire.examples.kotlin.ChoicesKt;
import dev.chatwire.examples.kotlin.ErrorsKt;
import dev.chatwire.examples.kotlin.EventFlowKt;
import dev.chatwire.examples.kotlin.LocalServerKt;
import dev.chatwire.examples.kotlin.QuickStartKt;
import dev.chatwire.examples.kotlin.StreamFlowKt;
import dev.chatwire.examples.kotlin.StructuredAnswerKt;
import dev.chatwire.examples.kotlin.ToolLoopKt;
import dev.chatwire.examples.kotlin.ToolRoundTripKt;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Kotlin example runs against a scripted server, prints what it should, and sends what it should. */
class KotlinExamplesTest extends ExampleServer {
  @Test
  void quickStartAwaitsTheAnswer() {
    server.enqueue(MockResponse.json(answer("Air scatters blue light the most.")));

    assertThat(run(QuickStartKt::quickStart)).isEqualTo("Air scatters blue light the most.\ntokens: 12\n");
    assertThat(chatRequestBody()).contains("\"temperature\":0.2",
        "{\"role\":\"system\",\"content\":\"Answer in one sentence.\"}");
  }

  @Test
  void streamFlowPrintsEachPieceThenTheWhole() {
    server.enqueue(MockResponse.sse(withUsage(content("Bytes ", "fall ", "like rain"), 9)));

    assertThat(run(StreamFlowKt::streamingFlow)).isEqualTo("Bytes fall like rain\nfinish_reason: stop, tokens: 9\n");
    assertThat(chatRequestBody()).contains("\"stream\":true");
  }

  @Test
  void cancellationTakesThreePiecesThenTimesOut() {
    Gate never = new Gate();
    server.enqueue(MockResponse.sse(content("1 ", "2 ", "3 ", "4 ")));
    server.enqueue(MockResponse.sse(content("1 ", "2 ", "3 ")).faultAtEvent(2, Fault.stallUntil(never)));
    try {
      String out = run(endpoint(), (e, o) -> CancellationKt.cancellation(e, 300, o));

      assertThat(out).isEqualTo("first three: 1 2 3 \ntimed out after 300ms, shown: 1 2 \n");
      assertThat(request().awaitClosed(Duration.ofSeconds(5))).isTrue();
      assertThat(request().awaitClosed(Duration.ofSeconds(5))).isTrue();
    } finally {
      never.release();
    }
  }

  @Test
  void errorsExplainARateLimit() {
    MockResponse limited = MockResponse.error(429, "{\"error\":{\"message\":\"Rate limit reached\","
        + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
        .header("retry-after-ms", "20").header("x-request-id", "req_42");
    server.enqueue(limited);
    server.enqueue(limited);

    assertThat(run(ErrorsKt::errorHandling))
        .isEqualTo("rate limited, the server asks to wait PT0.02S (request req_42)\n");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void toolRoundTripSendsTheResultBack() {
    server.enqueue(MockResponse.json(toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")));
    server.enqueue(MockResponse.json(answer("Yes: rain and 14 C.")));

    assertThat(run(ToolRoundTripKt::toolRoundTrip)).isEqualTo(
        "the model calls get_weather{\"city\":\"Paris\"}\nanswer: Yes: rain and 14 C.\n");
    chatRequestBody();
    assertThat(chatRequestBody()).contains("\"tool_calls\":[{\"id\":\"call_1\"",
        "{\"role\":\"tool\",\"content\":\"{\\\"sky\\\":\\\"rain\\\",\\\"celsius\\\":14}\",\"tool_call_id\":\"call_1\"}");
  }

  @Test
  void toolLoopRunsTheDataClassToolAndTheMethod() {
    server.enqueue(MockResponse.json(completion(List.of(choice(0, "null", "["
        + Scripts.call("call_1", "get_weather", "{\"city\":\"Tokyo\",\"unit\":null}") + ","
        + Scripts.call("call_2", "local_time", "{\"city\":\"Tokyo\"}") + "]", "tool_calls")), 20)));
    server.enqueue(MockResponse.json(answer("21:00, 18 C and clear.")));

    assertThat(run(ToolLoopKt::toolLoop)).isEqualTo("round 1: get_weather -> Tokyo: 18 C, clear\n"
        + "round 1: local_time -> 21:00\n"
        + "answer: 21:00, 18 C and clear. (2 rounds)\n");
    assertThat(chatRequestBody()).contains("\"name\":\"get_weather\"", "\"unit\":{\"type\":[\"string\",\"null\"]");
  }

  @Test
  void structuredAnswerShowsPartialsOfTheDataClassThenTheTrip() {
    server.enqueue(MockResponse.sse(content(
        "{\"city\":\"Porto\",\"nights\":3,\"sights\":[\"Ribeira\",\"Livraria\"],\"tip\":null}", 12)));

    String out = run(StructuredAnswerKt::structuredAnswer);

    assertThat(out).isEqualTo("... Trip(city=Por, nights=2, sights=[], tip=null)\n"
        + "... Trip(city=Porto, nights=2, sights=[], tip=null)\n"
        + "... Trip(city=Porto, nights=3, sights=[], tip=null)\n"
        + "... Trip(city=Porto, nights=3, sights=[Ribeira, ], tip=null)\n"
        + "... Trip(city=Porto, nights=3, sights=[Ribeira, Livraria], tip=null)\n"
        + "... Trip(city=Porto, nights=3, sights=[Ribeira, Livraria], tip=null)\n"
        + "... Trip(city=Porto, nights=3, sights=[Ribeira, Livraria], tip=null)\n"
        + "Porto for 3 nights: Ribeira, Livraria; tip: none\n");
    assertThat(chatRequestBody()).contains("\"name\":\"Trip\"", "\"description\":\"A weekend trip\"");
  }

  @Test
  void structuredAnswerReportsARefusal() {
    server.enqueue(MockResponse.sse(chunk("{\"refusal\":\"I can't plan that.\"}", null), chunk("{}", "stop")));

    assertThat(run(StructuredAnswerKt::structuredAnswer)).isEqualTo("no trip: the model refused to answer\n");
  }

  @Test
  void eventFlowShowsTheCallAsItForms() {
    server.enqueue(MockResponse.sse(
        chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"book_table\",\"arguments\":\"{\\\"city\\\":\\\"Ro\"}}]}", null),
        chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"me\\\",\\\"guests\\\":2}\"}}]}", null),
        chunk("{}", "tool_calls")));

    assertThat(run(EventFlowKt::eventFlowExample)).isEqualTo("book_table so far: {city=Ro}\n"
        + "book_table so far: {city=Rome, guests=2}\n"
        + "call call_7: book_table{\"city\":\"Rome\",\"guests\":2}\n"
        + "finish_reason: tool_calls\n");
  }

  @Test
  void choicesPrintsEveryChoice() {
    server.enqueue(MockResponse.json(completion(List.of(choice(0, quote("Bean There"), "[]", "stop"),
        choice(1, quote("Brew Haven"), "[]", "stop"), choice(2, quote("Daily Grind"), "[]", "stop")), 30)));

    assertThat(run(ChoicesKt::choices)).isEqualTo("0: Bean There\n1: Brew Haven\n2: Daily Grind\n");
    assertThat(chatRequestBody()).contains("\"n\":3", "\"temperature\":1.0");
  }

  @Test
  void localServerSendsNoKey() {
    server.enqueue(MockResponse.sse(chunk("{\"reasoning_content\":\"17*23 = 391\"}", null),
        chunk("{\"content\":\"391\"}", null), chunk("{}", "stop")));

    assertThat(run(LocalServerKt::localServer)).isEqualTo("391\n(thought: 17*23 = 391)\n");
    assertThat(request().getHeader("Authorization")).isNull();
  }
}
