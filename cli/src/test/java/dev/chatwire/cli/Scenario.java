package dev.chatwire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.MockResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * One run of the tool against a scripted server and what a person must see: the exit status,
 * standard output, and the lines on standard error. Run in-process and as a process.
 */
final class Scenario {
  static final String KEY = "sk-cli-secret-KEY-0123456789abcdef";

  final String name;
  final @Nullable MockResponse response;
  final BiFunction<ChatServer, Integer, List<String>> args;
  final int exit;
  /** Whether the run goes to a loopback port nothing listens on instead of the server. */
  final boolean closedPort;
  final @Nullable String stdout;
  final List<String> stderr;

  private Scenario(String name, @Nullable MockResponse response,
      BiFunction<ChatServer, Integer, List<String>> args, int exit, @Nullable String stdout,
      String... stderr) {
    this.name = name;
    this.response = response;
    this.args = args;
    this.closedPort = response == null && name.contains("Refused");
    this.exit = exit;
    this.stdout = stdout;
    this.stderr = Arrays.asList(stderr);
  }

  @Override
  public String toString() {
    return name;
  }

  static Map<String, String> env(ChatServer server) {
    return Map.of("OPENAI_BASE_URL", v1(server), "OPENAI_API_KEY", KEY);
  }

  static String v1(ChatServer server) {
    return server.url("/v1").toString();
  }

  static String chunk(String text) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}";
  }

  static final String USAGE_CHUNK = "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":4,"
      + "\"completion_tokens\":2,\"total_tokens\":6}}";
  static final String STOP_CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},"
      + "\"finish_reason\":\"stop\"}]}";

  static String completion(String message) {
    return "{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"stop\"}]}";
  }

  private static List<String> args(String... args) {
    return new ArrayList<>(Arrays.asList(args));
  }

  /** A loopback port nothing listens on. */
  static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Scenario> all() {
    String chatUrl = "POST http://127.0.0.1:%d/v1/chat/completions";
    return List.of(
        new Scenario("streamsTheAnswerAndTheUsage",
            MockResponse.sse(chunk("Hel"), chunk("lo"), STOP_CHUNK, USAGE_CHUNK),
            (s, port) -> args("--usage", "Say", "hi"), 0, "Hello\n",
            "tokens: prompt 4, completion 2, total 6"),
        new Scenario("aRefusedConnectionNamesTheUrl", null,
            (s, port) -> args("--base-url", "http://127.0.0.1:" + port + "/v1", "--retries", "0",
                "hi"), 3, "", "chatwire: could not connect to " + chatUrl + ": connection refused by"
            + " 127.0.0.1:%d; is the server running, and is --base-url right?"),
        new Scenario("anUnknownHostNamesTheHost", null,
            (s, port) -> args("--base-url", "http://no-such-host.invalid/v1", "--retries", "0", "hi"), 3,
            "", "chatwire: could not connect to POST http://no-such-host.invalid/v1/chat/completions:"
                + " unknown host no-such-host.invalid; check --base-url"),
        new Scenario("aNotFoundSuggestsV1",
            MockResponse.error(404, "{\"error\":{\"message\":\"Unknown path\"}}"),
            (s, port) -> args("--base-url", s.url("/").toString(), "hi"), 1, "",
            "chatwire: HTTP 404 Not Found from POST http://127.0.0.1:%d/chat/completions:"
                + " Unknown path",
            "chatwire: the base URL http://127.0.0.1:%d has no /v1; most servers want"
                + " --base-url http://127.0.0.1:%d/v1"),
        new Scenario("aNonJsonErrorPageShowsItsStart",
            MockResponse.body("<html><body><h1>502 Bad Gateway</h1>\n<hr>nginx</body></html>")
                .status(502).header("content-type", "text/html"),
            (s, port) -> args("--retries", "0", "hi"), 1, "",
            "chatwire: HTTP 502 Bad Gateway from " + chatUrl + "; the body is not a JSON error"
                + " (text/html), it starts: \"<html><body><h1>502 Bad Gateway</h1> <hr>nginx"
                + "</body></html>\""),
        new Scenario("anUnauthorizedKeyIsNamedButNeverShown",
            MockResponse.error(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"),
            (s, port) -> args("hi"), 1, "",
            "chatwire: HTTP 401 Unauthorized from " + chatUrl + ": invalid_request_error"
                + " (invalid_api_key): Incorrect API key provided:",
            "chatwire: check the API key (from $OPENAI_API_KEY); it is not shown here"),
        new Scenario("aServerThatNeverAnswersNamesTheTimeout",
            MockResponse.sse(chunk("x")).faultBeforeHeaders(Fault.stall(Duration.ofSeconds(30))),
            (s, port) -> args("--timeout", "1s", "--retries", "0", "hi"), 3, "",
            "within 1s (--timeout)"),
        new Scenario("aStalledStreamNamesTheIdleTimeoutAndThePartial",
            MockResponse.sse(chunk("Hel"), chunk("lo"))
                .faultAtEvent(1, Fault.stall(Duration.ofSeconds(30))),
            (s, port) -> args("--idle-timeout", "700ms", "hi"), 3, "Hel\n",
            "chatwire: the answer to " + chatUrl + " stalled: no bytes for 700ms (--idle-timeout)",
            "chatwire: what arrived first (3 characters): \"Hel\""),
        new Scenario("anErrorEventInTheStreamSaysWhatArrivedFirst",
            MockResponse.sse(chunk("Hel"), chunk("lo"),
                "{\"error\":{\"message\":\"model overloaded\",\"type\":\"server_error\"}}"),
            (s, port) -> args("hi"), 1, "Hello\n",
            "chatwire: the stream from " + chatUrl + " ended with an error event:",
            "model overloaded",
            "chatwire: what arrived first (5 characters): \"Hello\""),
        new Scenario("aStreamCutShortSaysWhatArrivedFirst",
            MockResponse.sse(chunk("Hel"), chunk("lo"), chunk(" world")).closeDelimited()
                .truncateEvent(2),
            (s, port) -> args("hi"), 3, "Hello\n",
            "chatwire: the stream from " + chatUrl + " ended before the answer did",
            "chatwire: what arrived first (5 characters): \"Hello\""),
        new Scenario("aConnectionBrokenMidStreamSaysWhatArrivedFirst",
            MockResponse.sse(chunk("Hel"), chunk("lo"), chunk(" world")).truncateEvent(2),
            (s, port) -> args("hi"), 3, "Hello\n",
            "chatwire: the connection for " + chatUrl + " broke in the middle of the answer",
            "chatwire: what arrived first (5 characters): \"Hello\""),
        new Scenario("toolCallsWithoutStreamingPrintNameAndArguments",
            MockResponse.json(completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":"
                + "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}")),
            (s, port) -> args("--no-stream", "weather?"), 0,
            "tool call: get_weather {\"city\":\"Paris\"}  [id call_1]\n"),
        new Scenario("usageThatTheServerDidNotSendIsSaidSo",
            MockResponse.sse(chunk("Hi"), STOP_CHUNK), (s, port) -> args("--usage", "hi"), 0, "Hi\n",
            "tokens: the server sent no usage"),
        new Scenario("aServerWithoutAModelListIsSaidSo",
            MockResponse.error(404, "{\"error\":\"Not Found\"}"), (s, port) -> args("--models"), 1, "",
            "chatwire: the server has no model list: GET http://127.0.0.1:%d/v1/models answered"
                + " HTTP 404 Not Found"),
        new Scenario("aUsageErrorExitsWithTwo", null, (s, port) -> args("--temperature"), 2, "",
            "chatwire: --temperature needs a value", "usage: chatwire [OPTIONS] [PROMPT...]"));
  }

  /** The port of this run: the server's, or a closed one. */
  int port(ChatServer server) {
    return closedPort ? closedPort() : server.getPort();
  }

  /** Checks a run's outcome; {@code %d} in the expectations is the port of the run. */
  void verify(int port, int status, String out, String err) {
    String stdoutNow = out.replace(System.lineSeparator(), "\n");
    assertThat(status).as("exit status; stderr: %s", err).isEqualTo(exit);
    if (stdout != null) assertThat(stdoutNow).as("stdout").isEqualTo(stdout);
    for (String line : stderr) {
      assertThat(err).as("stderr").contains(line.replace("%d", String.valueOf(port)));
    }
    assertThat(out + err).as("output holds the key").doesNotContain(KEY)
        .doesNotContain(KEY.substring(KEY.length() - 12));
  }
}
