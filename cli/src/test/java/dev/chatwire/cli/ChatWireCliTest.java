package dev.chatwire.cli;

import static dev.chatwire.cli.Scenario.KEY;
import static dev.chatwire.cli.Scenario.STOP_CHUNK;
import static dev.chatwire.cli.Scenario.USAGE_CHUNK;
import static dev.chatwire.cli.Scenario.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The options' behaviour, in-process through {@code ChatWireCli.run}. */
class ChatWireCliTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String COMPLETION = Scenario.completion(
      "{\"role\":\"assistant\",\"content\":\"Blue light scatters.\"}");

  private final ChatServer server = ChatServer.start();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String stdin, String... args) {
    return ChatWireCli.run(args, Scenario.env(server),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), new Interruption());
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private RecordedRequest request() {
    RecordedRequest r = server.takeRequest(WAIT);
    assertThat(r).isNotNull();
    return r;
  }

  @ParameterizedTest
  @ValueSource(strings = {"netty", "jdk", "okhttp"})
  void streamsOnEveryTransportAndSendsTheOptions(String transport) {
    server.enqueue(MockResponse.sse(chunk("Hel"), chunk("lo"), STOP_CHUNK));
    assertThat(run("", "--transport", transport, "--model", "llama3.2", "--system", "Be brief.",
        "--temperature", "0.2", "--max-tokens", "50", "Why", "blue?")).isZero();
    assertThat(out()).isEqualTo("Hello\n");
    RecordedRequest r = request();
    assertThat(r.getPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getHeader("authorization")).isEqualTo("Bearer " + KEY);
    assertThat(r.getBodyUtf8()).contains("\"model\":\"llama3.2\"", "\"content\":\"Be brief.\"",
        "\"content\":\"Why blue?\"", "\"temperature\":0.2", "\"max_tokens\":50",
        "\"stream\":true");
  }

  @Test
  void readsThePromptFromStandardInputWithoutStreaming() {
    server.enqueue(MockResponse.json(COMPLETION));
    assertThat(run("what is piped\n", "--no-stream")).isZero();
    assertThat(out()).isEqualTo("Blue light scatters.\n");
    assertThat(request().getBodyUtf8()).contains("\"content\":\"what is piped\"")
        .doesNotContain("\"stream\"");
  }

  @Test
  void jsonPrintsTheAccumulatedCompletion() {
    server.enqueue(MockResponse.sse(chunk("Hel"), chunk("lo"), STOP_CHUNK, USAGE_CHUNK));
    assertThat(run("", "--json", "hi")).isZero();
    assertThat(out()).startsWith("{\"id\":\"c\",\"object\":\"chat.completion\"")
        .contains("\"content\":\"Hello\"", "\"finish_reason\":\"stop\"", "\"total_tokens\":6")
        .endsWith("}\n");
  }

  @Test
  void rawPrintsTheEventStreamAsReceived() {
    server.enqueue(MockResponse.sse(chunk("Hel"), STOP_CHUNK));
    assertThat(run("", "--raw", "hi")).isZero();
    assertThat(out()).isEqualTo("data: " + chunk("Hel") + "\n\ndata: " + STOP_CHUNK
        + "\n\ndata: [DONE]\n\n");
  }

  @Test
  void severalChoicesArePrintedOneAfterTheOther() {
    server.enqueue(MockResponse.json("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"one\"}},{\"index\":1,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"two\"}}]}"));
    assertThat(run("", "--no-stream", "-n", "2", "hi")).isZero();
    assertThat(out()).isEqualTo("--- choice 0 ---\none\n--- choice 1 ---\ntwo\n");
    assertThat(request().getBodyUtf8()).contains("\"n\":2");
  }

  @Test
  void aSchemaIsSentAsResponseFormatAndTheJsonAnswerPrinted(@TempDir Path dir) throws Exception {
    Path schema = dir.resolve("city.json");
    Files.writeString(schema, "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}");
    server.enqueue(MockResponse.sse(chunk("{\\\"name\\\":"), chunk("\\\"Paris\\\"}"), STOP_CHUNK));
    assertThat(run("", "--schema", schema.toString(), "capital of France?")).isZero();
    assertThat(out()).isEqualTo("{\"name\":\"Paris\"}\n");
    assertThat(request().getBodyUtf8()).contains("\"response_format\":{\"type\":\"json_schema\","
        + "\"json_schema\":{\"name\":\"city\",\"schema\":{\"type\":\"object\"");
  }

  @Test
  void aSchemaAnswerCutByMaxTokensIsAnError(@TempDir Path dir) throws Exception {
    Path schema = dir.resolve("city.json");
    Files.writeString(schema, "{\"type\":\"object\"}");
    server.enqueue(MockResponse.json(Scenario.completion(
        "{\"role\":\"assistant\",\"content\":\"{\\\"name\\\":\\\"Par\"}").replace("\"stop\"", "\"length\"")));
    assertThat(run("", "--no-stream", "--schema", schema.toString(), "hi")).isEqualTo(1);
    assertThat(err()).contains("chatwire: the answer is not complete JSON (finish_reason length);"
        + " raise --max-tokens");
  }

  @Test
  void aToolIsOfferedAndItsStreamedCallPrinted(@TempDir Path dir) throws Exception {
    Path tool = dir.resolve("weather.json");
    Files.writeString(tool, "{\"name\":\"get_weather\",\"description\":\"Weather of a city\","
        + "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}");
    String head = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,";
    server.enqueue(MockResponse.sse(
        head + "\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
            + "\"arguments\":\"{\\\"city\\\":\"}}]}}]}",
        head + "\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}}]}",
        STOP_CHUNK.replace("\"stop\"", "\"tool_calls\"")));
    assertThat(run("", "--tool", tool.toString(), "weather in Paris?")).isZero();
    assertThat(out()).isEqualTo("tool call: get_weather {\"city\":\"Paris\"}  [id call_1]\n");
    assertThat(request().getBodyUtf8()).contains("\"tools\":[{\"type\":\"function\",\"function\":"
        + "{\"name\":\"get_weather\",\"description\":\"Weather of a city\",\"parameters\":"
        + "{\"type\":\"object\"");
  }

  @Test
  void aMissingSchemaFileIsAUsageError() {
    assertThat(run("", "--schema", "/no/such/schema.json", "hi")).isEqualTo(2);
    assertThat(err()).contains("chatwire: cannot read --schema /no/such/schema.json"
        + " (NoSuchFileException)");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void modelsListsTheIds() {
    server.enqueue(MockResponse.json("{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o\","
        + "\"object\":\"model\"},{\"id\":\"llama3.2\",\"object\":\"model\",\"meta\":{\"a\":[1]}}]}"));
    assertThat(run("", "--models")).isZero();
    assertThat(out()).isEqualTo("gpt-4o\nllama3.2\n");
    RecordedRequest r = request();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getPath()).isEqualTo("/v1/models");
    assertThat(r.getHeader("authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void modelsThatAreNotAListAreSaidSo() {
    server.enqueue(MockResponse.body("<html>welcome</html>"));
    assertThat(run("", "--models")).isEqualTo(1);
    assertThat(err()).contains("chatwire: GET http://127.0.0.1:" + server.getPort()
        + "/v1/models answered HTTP 200 but not with a JSON model list");
  }

  @Test
  void verboseShowsAttemptStatusRequestIdRateLimitsAndTimings() {
    server.enqueue(MockResponse.sse(chunk("Hi"), STOP_CHUNK, USAGE_CHUNK)
        .header("x-request-id", "req_42").header("x-ratelimit-remaining-tokens", "999"));
    assertThat(run("", "--verbose", "hi")).isZero();
    assertThat(err()).contains(
        "> POST http://127.0.0.1:" + server.getPort() + "/v1/chat/completions (attempt 1,"
            + " transport netty)\n",
        "< HTTP 200, request id req_42\n", "< x-ratelimit-remaining-tokens: 999\n",
        "* tokens: prompt 4, completion 2, total 6\n")
        .containsPattern("\\* connect \\d+ ms, first byte \\d+ ms, first token \\d+ ms, total \\d+ ms");
  }

  @Test
  void verboseShowsARetryAndItsReason() {
    server.enqueue(MockResponse.error(503, "{\"error\":{\"message\":\"busy\"}}")
        .header("retry-after-ms", "10"));
    server.enqueue(MockResponse.json(COMPLETION));
    assertThat(run("", "--verbose", "--no-stream", "hi")).isZero();
    assertThat(err()).contains("< HTTP 503 Service Unavailable\n", "* attempt 2 in 10ms, after:",
        "(attempt 2, transport netty)");
  }

  @Test
  void interruptingEndsTheLineAndReturns130() throws Exception {
    Gate never = new Gate();
    server.enqueue(MockResponse.sse(chunk("Hel"), chunk("lo")).faultAtEvent(1,
        Fault.stallUntil(never)));
    Interruption interruption = new Interruption();
    PipedText text = new PipedText();
    CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> ChatWireCli.run(
        new String[] {"hi"}, Scenario.env(server), new ByteArrayInputStream(new byte[0]),
        text.stream(), new PrintStream(err, true, StandardCharsets.UTF_8), interruption));
    text.await("Hel");
    assertThat(interruption.interrupt()).isTrue();
    assertThat(status.get(10, TimeUnit.SECONDS)).isEqualTo(130);
    assertThat(text.toString()).isEqualTo("Hel" + System.lineSeparator());
    assertThat(err()).isEmpty();
    never.release();
  }

  @Test
  void helpAndVersion() {
    assertThat(run("", "--help")).isZero();
    assertThat(out()).contains("usage: chatwire [OPTIONS] [PROMPT...]", "--base-url URL",
        "Exit status: 0 success; 1 the server answered with an error");
    out.reset();
    assertThat(run("", "--version")).isZero();
    assertThat(out()).matches("chatwire \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  /** Standard output that a test can wait on. */
  private static final class PipedText extends ByteArrayOutputStream {
    PrintStream stream() {
      return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      super.write(b, off, len);
      notifyAll();
    }

    synchronized void await(String text) throws InterruptedException {
      long end = System.nanoTime() + WAIT.toNanos();
      while (!toString(StandardCharsets.UTF_8).contains(text)) {
        long left = end - System.nanoTime();
        assertThat(left).as("waiting for %s", text).isPositive();
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    @Override
    public synchronized String toString() {
      return toString(StandardCharsets.UTF_8);
    }
  }
}
