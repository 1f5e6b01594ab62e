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

import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every Java example runs against a scripted server, prints what it should, and sends what it should. */
class JavaExamplesTest extends ExampleServer {
  @Test
  void blockingPrintsTheAnswerAndItsTokens() {
    server.enqueue(MockResponse.json(answer("Air scatters blue light the most.")));

    assertThat(run(BlockingExample::run)).isEqualTo("Air scatters blue light the most.\ntokens: 12\n");
    assertThat(chatRequestBody()).contains("\"model\":\"gpt-4o-mini\"", "\"temperature\":0.2",
        "{\"role\":\"system\",\"content\":\"Answer in one sentence.\"}").doesNotContain("\"stream\"");
  }

  @Test
  void streamingPrintsEachPieceThenTheFinishReasonAndUsage() {
    server.enqueue(MockResponse.sse(withUsage(content("Bytes ", "fall ", "like rain"), 9)));

    assertThat(run(StreamingExample::run))
        .isEqualTo("Bytes fall like rain\nfinish_reason: stop, tokens: 9\n");
    assertThat(chatRequestBody()).contains("\"stream\":true", "\"include_usage\":true");
  }

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
      String out = run(endpoint(), (e, o) -> CancellationExample.run(e, Duration.ofMillis(300), o));

      assertThat(out).isEqualTo("1\n2\n3\n\nstopped after 3 pieces\n"
          + "1\n2\n\nDeadlineExceededException after 300 ms, kept: 1\n2\n\n");
      assertThat(request().awaitClosed(Duration.ofSeconds(5))).as("the stopped stream's connection closed").isTrue();
      assertThat(request().awaitClosed(Duration.ofSeconds(5))).as("the late stream's connection closed").isTrue();
    } finally {
      never.release();
    }
  }

  @Test
  void errorHandlingNamesAWrongKey() {
    server.enqueue(MockResponse.error(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

    assertThat(run(ErrorHandlingExample::run)).startsWith("check the API key: ").contains("Incorrect API key");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void errorHandlingRetriesARateLimitOnceThenReportsTheWait() {
    MockResponse limited = MockResponse.error(429, "{\"error\":{\"message\":\"Rate limit reached\","
        + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
        .header("retry-after-ms", "20").header("x-request-id", "req_42");
    server.enqueue(limited);
    server.enqueue(limited);

    assertThat(run(ErrorHandlingExample::run))
        .isEqualTo("rate limited, the server asks to wait PT0.02S (request req_42)\n");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void errorHandlingShowsWhichParameterToFix() {
    server.enqueue(MockResponse.error(400, "{\"error\":{\"message\":\"Unsupported value\","
        + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_value\"}}"));

    assertThat(run(ErrorHandlingExample::run))
        .isEqualTo("fix the request: param=temperature, code=unsupported_value: Unsupported value\n");
  }

  @Test
  void toolRoundTripRunsTheCallAndSendsItsResultBack() {
    server.enqueue(MockResponse.json(toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")));
    server.enqueue(MockResponse.json(answer("Yes: rain and 14 C.")));

    assertThat(run(ToolRoundTripExample::run)).isEqualTo(
        "the model calls get_weather{\"city\":\"Paris\"}\nanswer: Yes: rain and 14 C.\n");
    assertThat(chatRequestBody()).contains("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"");
    assertThat(chatRequestBody()).contains("\"tool_calls\":[{\"id\":\"call_1\"",
        "{\"role\":\"tool\",\"content\":\"{\\\"sky\\\":\\\"rain\\\",\\\"celsius\\\":14}\",\"tool_call_id\":\"call_1\"}");
  }

  @Test
  void streamEventsShowTextArgumentsAsTheyFormAndTheWholeCall() {
    server.enqueue(MockResponse.sse(
        chunk("{\"content\":\"Booking.\"}", null),
        chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"book_table\",\"arguments\":\"{\\\"city\\\":\\\"Ro\"}}]}", null),
        chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"me\\\",\\\"guests\\\":2}\"}}]}", null),
        chunk("{}", "tool_calls")));

    assertThat(run(StreamEventsExample::run)).isEqualTo("text: Booking.\n"
        + "book_table so far: {city=Ro}\n"
        + "book_table so far: {city=Rome, guests=2}\n"
        + "text done: Booking.\n"
        + "call call_7: book_table{\"city\":\"Rome\",\"guests\":2}\n"
        + "finish_reason: tool_calls\n");
    assertThat(chatRequestBody()).contains("\"name\":\"book_table\"");
  }

  @Test
  void multipleChoicesPrintsEachChoice() {
    server.enqueue(MockResponse.json(completion(List.of(choice(0, quote("Bean There"), "[]", "stop"),
        choice(1, quote("Brew Haven"), "[]", "stop"), choice(2, quote("Daily Grind"), "[]", "stop")), 30)));

    assertThat(run(MultipleChoicesExample::run)).isEqualTo("0: Bean There\n1: Brew Haven\n2: Daily Grind\n");
    assertThat(chatRequestBody()).contains("\"n\":3", "\"temperature\":1.0");
  }

  @Test
  void azureSendsToTheDeploymentWithTheApiKeyHeader() {
    server.enqueue(MockResponse.json(answer("Hello from Azure.").replaceFirst("\\{",
        "{\"prompt_filter_results\":[{\"prompt_index\":0}],")));
    Endpoint azure = new Endpoint(server.getBaseUrl().toString(), KEY, "my-gpt");

    assertThat(run(azure, AzureExample::run))
        .isEqualTo("Hello from Azure.\nprompt_filter_results: [{\"prompt_index\":0}]\n");
    RecordedRequest r = request();
    assertThat(r.getTarget()).isEqualTo("/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21");
    assertThat(r.getHeader("api-key")).isEqualTo(KEY);
    assertThat(r.getHeader("Authorization")).isNull();
  }

  @Test
  void localServerSendsNoKeyAndShowsTheReasoningApart() {
    server.enqueue(MockResponse.sse(chunk("{\"reasoning_content\":\"17*23 = 391\"}", null),
        chunk("{\"content\":\"391\"}", null), chunk("{}", "stop")));
    Endpoint local = new Endpoint(server.url("/v1").toString(), KEY, "llama3.2");

    assertThat(run(local, LocalServerExample::run)).isEqualTo("391\n(thought: 17*23 = 391)\n");
    RecordedRequest r = request();
    assertThat(r.getHeader("Authorization")).isNull();
    assertThat(r.getBodyUtf8()).contains("\"model\":\"llama3.2\"");
  }

  @Test
  void rateLimitHeadersOfASuccessfulResponseAreShown() {
    server.enqueue(MockResponse.json(answer("hi"))
        .header("x-ratelimit-limit-requests", "500")
        .header("x-ratelimit-remaining-requests", "499")
        .header("x-ratelimit-remaining-tokens", "199990")
        .header("x-ratelimit-reset-requests", "120ms"));

    assertThat(run(RateLimitHeadersExample::run)).isEqualTo(
        "HTTP 200: requests left 499 of 500, tokens left 199990, requests reset in 120ms\nanswer: hi\n");
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
    server.enqueue(MockResponse.json(completion(List.of(choice(0, "null", "["
        + Scripts.call("call_1", "get_weather", "{\"city\":\"Tokyo\"}") + ","
        + Scripts.call("call_2", "local_time", "{\"city\":\"Tokyo\"}") + "]", "tool_calls")), 20)));
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
