package dev.chatwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;

/** A scripted server per test, the endpoint that points an example at it, and its output. */
abstract class ExampleServer {
  static final String KEY = "sk-test-0123456789";

  final ChatServer server = ChatServer.start();

  @AfterEach
  void closeServer() {
    server.close();
  }

  Endpoint endpoint() {
    return new Endpoint(server.url("/v1").toString(), KEY, "gpt-4o-mini");
  }

  /** Runs {@code example} against the server and returns what it printed, with \n line ends. */
  String run(BiConsumer<Endpoint, PrintStream> example) {
    return run(endpoint(), example);
  }

  static String run(Endpoint endpoint, BiConsumer<Endpoint, PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(endpoint, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  /** The next request the server received. */
  RecordedRequest request() {
    RecordedRequest r = server.takeRequest(Duration.ofSeconds(5));
    assertThat(r).as("a request arrived").isNotNull();
    return r;
  }

  static void assertClosed(RecordedRequest request) {
    assertThat(request.awaitClosed(Duration.ofSeconds(5))).as("the connection was closed").isTrue();
  }

  /** Round 1 of the tool loop examples: the model calls get_weather and local_time at once. */
  static void enqueueTokyoToolCalls(ChatServer server, String weatherArguments) {
    server.enqueue(MockResponse.json(Scripts.completion(List.of(Scripts.choice(0, "null", "["
        + Scripts.call("call_1", "get_weather", weatherArguments) + ","
        + Scripts.call("call_2", "local_time", "{\"city\":\"Tokyo\"}") + "]", "tool_calls")), 20)));
  }

  /** The next request, checked to be a chat completion with the test key; its body. */
  String chatRequestBody() {
    RecordedRequest r = request();
    assertThat(r.getMethod()).isEqualTo("POST");
    assertThat(r.getPath()).isEqualTo("/v1/chat/completions");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    return r.getBodyUtf8();
  }
}
