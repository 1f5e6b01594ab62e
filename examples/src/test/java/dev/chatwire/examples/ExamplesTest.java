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

import dev.chatwire.examples.kotlin.AzureKt;
import dev.chatwire.examples.kotlin.ChoicesKt;
import dev.chatwire.examples.kotlin.ErrorsKt;
import dev.chatwire.examples.kotlin.EventFlowKt;
import dev.chatwire.examples.kotlin.LocalServerKt;
import dev.chatwire.examples.kotlin.QuickStartKt;
import dev.chatwire.examples.kotlin.RateLimitHeadersKt;
import dev.chatwire.examples.kotlin.StreamFlowKt;
import dev.chatwire.examples.kotlin.ToolRoundTripKt;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tasks that have a Java and a Kotlin program, each run against a scripted server: both
 * print the same and send the same. The programs of one language only are in {@link
 * JavaOnlyExamplesTest} and {@link KotlinOnlyExamplesTest}.
 */
class ExamplesTest extends ExampleServer {
  static Stream<Named<Example>> blocking() {
    return Example.both(BlockingExample::run, QuickStartKt::quickStart);
  }

  static Stream<Named<Example>> streaming() {
    return Example.both(StreamingExample::run, StreamFlowKt::streamingFlow);
  }

  static Stream<Named<Example>> errors() {
    return Example.both(ErrorHandlingExample::run, ErrorsKt::errorHandling);
  }

  static Stream<Named<Example>> toolRoundTrip() {
    return Example.both(ToolRoundTripExample::run, ToolRoundTripKt::toolRoundTrip);
  }

  static Stream<Named<Example>> events() {
    return Example.both(StreamEventsExample::run, EventFlowKt::eventFlowExample);
  }

  static Stream<Named<Example>> choices() {
    return Example.both(MultipleChoicesExample::run, ChoicesKt::choices);
  }

  static Stream<Named<Example>> azure() {
    return Example.both(AzureExample::run, AzureKt::azure);
  }

  static Stream<Named<Example>> local() {
    return Example.both(LocalServerExample::run, LocalServerKt::localServer);
  }

  static Stream<Named<Example>> rateLimitHeaders() {
    return Example.both(RateLimitHeadersExample::run, RateLimitHeadersKt::rateLimitHeaders);
  }

  @ParameterizedTest
  @MethodSource("blocking")
  void blockingPrintsTheAnswerAndItsTokens(Example example) {
    server.enqueue(MockResponse.json(answer("Air scatters blue light the most.")));

    assertThat(run(example)).isEqualTo("Air scatters blue light the most.\ntokens: 12\n");
    assertThat(chatRequestBody()).contains("\"model\":\"gpt-4o-mini\"", "\"temperature\":0.2",
        "{\"role\":\"system\",\"content\":\"Answer in one sentence.\"}").doesNotContain("\"stream\"");
  }

  @ParameterizedTest
  @MethodSource("streaming")
  void streamingPrintsEachPieceThenTheFinishReasonAndUsage(Example example) {
    server.enqueue(MockResponse.sse(withUsage(content("Bytes ", "fall ", "like rain"), 9)));

    assertThat(run(example)).isEqualTo("Bytes fall like rain\nfinish_reason: stop, tokens: 9\n");
    assertThat(chatRequestBody()).contains("\"stream\":true", "\"include_usage\":true");
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorHandlingNamesAWrongKey(Example example) {
    server.enqueue(MockResponse.error(401, "{\"error\":{\"message\":\"Incorrect API key provided\","
        + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));

    assertThat(run(example)).startsWith("check the API key: ").contains("Incorrect API key")
        .doesNotContain(KEY);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorHandlingRetriesARateLimitOnceThenReportsTheWait(Example example) {
    MockResponse limited = MockResponse.error(429, "{\"error\":{\"message\":\"Rate limit reached\","
        + "\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")
        .header("retry-after-ms", "20").header("x-request-id", "req_42");
    server.enqueue(limited);
    server.enqueue(limited);

    assertThat(run(example)).isEqualTo("rate limited, the server asks to wait PT0.02S (request req_42)\n");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("errors")
  void errorHandlingShowsWhichParameterToFix(Example example) {
    server.enqueue(MockResponse.error(400, "{\"error\":{\"message\":\"Unsupported value\","
        + "\"type\":\"invalid_request_error\",\"param\":\"temperature\",\"code\":\"unsupported_value\"}}"));

    assertThat(run(example))
        .isEqualTo("fix the request: param=temperature, code=unsupported_value: Unsupported value\n");
  }

  @ParameterizedTest
  @MethodSource("toolRoundTrip")
  void toolRoundTripRunsTheCallAndSendsItsResultBack(Example example) {
    server.enqueue(MockResponse.json(toolCall("call_1", "get_weather", "{\"city\":\"Paris\"}")));
    server.enqueue(MockResponse.json(answer("Yes: rain and 14 C.")));

    assertThat(run(example)).isEqualTo(
        "the model calls get_weather{\"city\":\"Paris\"}\nanswer: Yes: rain and 14 C.\n");
    assertThat(chatRequestBody())
        .contains("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"");
    assertThat(chatRequestBody()).contains("\"tool_calls\":[{\"id\":\"call_1\"",
        "{\"role\":\"tool\",\"content\":\"{\\\"sky\\\":\\\"rain\\\",\\\"celsius\\\":14}\","
            + "\"tool_call_id\":\"call_1\"}");
  }

  @ParameterizedTest
  @MethodSource("events")
  void streamEventsShowTextArgumentsAsTheyFormAndTheWholeCall(Example example) {
    server.enqueue(MockResponse.sse(
        chunk("{\"content\":\"Booking.\"}", null),
        chunk("{\"tool_calls\":[{\"index\":0,\"id\":\"call_7\",\"type\":\"function\",\"function\":"
            + "{\"name\":\"book_table\",\"arguments\":\"{\\\"city\\\":\\\"Ro\"}}]}", null),
        chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"me\\\",\\\"guests\\\":2}\"}}]}",
            null),
        chunk("{}", "tool_calls")));

    assertThat(run(example)).isEqualTo("text: Booking.\n"
        + "book_table so far: {city=Ro}\n"
        + "book_table so far: {city=Rome, guests=2}\n"
        + "text done: Booking.\n"
        + "call call_7: book_table{\"city\":\"Rome\",\"guests\":2}\n"
        + "finish_reason: tool_calls\n");
    assertThat(chatRequestBody()).contains("\"name\":\"book_table\"");
  }

  @ParameterizedTest
  @MethodSource("choices")
  void multipleChoicesPrintsEachChoice(Example example) {
    server.enqueue(MockResponse.json(completion(List.of(choice(0, quote("Bean There"), "[]", "stop"),
        choice(1, quote("Brew Haven"), "[]", "stop"), choice(2, quote("Daily Grind"), "[]", "stop")), 30)));

    assertThat(run(example)).isEqualTo("0: Bean There\n1: Brew Haven\n2: Daily Grind\n");
    assertThat(chatRequestBody()).contains("\"n\":3", "\"temperature\":1.0");
  }

  @ParameterizedTest
  @MethodSource("azure")
  void azureSendsToTheDeploymentWithTheApiKeyHeader(Example example) {
    server.enqueue(MockResponse.json(answer("Hello from Azure.").replaceFirst("\\{",
        "{\"prompt_filter_results\":[{\"prompt_index\":0}],")));
    Endpoint azure = new Endpoint(server.getBaseUrl().toString(), KEY, "my-gpt");

    assertThat(run(azure, example))
        .isEqualTo("Hello from Azure.\nprompt_filter_results: [{\"prompt_index\":0}]\n");
    RecordedRequest r = request();
    assertThat(r.getTarget()).isEqualTo("/openai/deployments/my-gpt/chat/completions?api-version=2024-10-21");
    assertThat(r.getHeader("api-key")).isEqualTo(KEY);
    assertThat(r.getHeader("Authorization")).isNull();
  }

  @ParameterizedTest
  @MethodSource("local")
  void localServerSendsNoKeyAndShowsTheReasoningApart(Example example) {
    server.enqueue(MockResponse.sse(chunk("{\"reasoning_content\":\"17*23 = 391\"}", null),
        chunk("{\"content\":\"391\"}", null), chunk("{}", "stop")));
    Endpoint local = new Endpoint(server.url("/v1").toString(), KEY, "llama3.2");

    assertThat(run(local, example)).isEqualTo("391\n(thought: 17*23 = 391)\n");
    RecordedRequest r = request();
    assertThat(r.getHeader("Authorization")).isNull();
    assertThat(r.getBodyUtf8()).contains("\"model\":\"llama3.2\"");
  }

  @ParameterizedTest
  @MethodSource("rateLimitHeaders")
  void rateLimitHeadersOfASuccessfulResponseAreShown(Example example) {
    server.enqueue(MockResponse.json(answer("hi"))
        .header("x-ratelimit-limit-requests", "500")
        .header("x-ratelimit-remaining-requests", "499")
        .header("x-ratelimit-remaining-tokens", "199990")
        .header("x-ratelimit-reset-requests", "120ms"));

    assertThat(run(example)).isEqualTo(
        "HTTP 200: requests left 499 of 500, tokens left 199990, requests reset in 120ms\nanswer: hi\n");
  }
}
