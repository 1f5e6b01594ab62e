package dev.chatwire.examples;

import static dev.chatwire.examples.Scripts.answer;
import static dev.chatwire.examples.Scripts.chunk;
import static dev.chatwire.examples.Scripts.content;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.examples.kotlin.CancellationKt;
import dev.chatwire.examples.kotlin.StructuredAnswerKt;
import dev.chatwire.examples.kotlin.ToolLoopKt;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import org.junit.jupiter.api.Test;

/** The Kotlin programs whose Java counterpart prints otherwise. */
class KotlinOnlyExamplesTest extends ExampleServer {
  @Test
  void cancellationTakesThreePiecesThenTimesOut() {
    Gate never = new Gate();
    server.enqueue(MockResponse.sse(content("1 ", "2 ", "3 ", "4 ")));
    server.enqueue(MockResponse.sse(content("1 ", "2 ", "3 ")).faultAtEvent(2, Fault.stallUntil(never)));
    try {
      String out = run((e, o) -> CancellationKt.cancellation(e, 300, o));

      assertThat(out).isEqualTo("first three: 1 2 3 \ntimed out after 300ms, shown: 1 2 \n");
      assertClosed(request());
      assertClosed(request());
    } finally {
      never.release();
    }
  }

  @Test
  void toolLoopRunsTheDataClassToolAndTheMethod() {
    enqueueTokyoToolCalls(server, "{\"city\":\"Tokyo\",\"unit\":null}");
    server.enqueue(MockResponse.json(answer("21:00, 18 C and clear.")));

    assertThat(run(ToolLoopKt::toolLoop)).isEqualTo("round 1: get_weather -> Tokyo: 18 C, clear\n"
        + "round 1: local_time -> 21:00\n"
        + "answer: 21:00, 18 C and clear. (2 rounds)\n");
    assertThat(chatRequestBody()).contains("\"name\":\"get_weather\"",
        "\"unit\":{\"type\":[\"string\",\"null\"]");
  }

  @Test
  void structuredAnswerShowsPartialsOfTheDataClassThenTheTrip() {
    server.enqueue(MockResponse.sse(content(
        "{\"city\":\"Porto\",\"nights\":3,\"sights\":[\"Ribeira\",\"Livraria\"],\"tip\":null}", 12)));

    assertThat(run(StructuredAnswerKt::structuredAnswer)).isEqualTo(
        "... Trip(city=Por, nights=2, sights=[], tip=null)\n"
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
}
