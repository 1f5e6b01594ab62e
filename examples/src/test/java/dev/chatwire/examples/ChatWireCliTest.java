package dev.chatwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatWireCliTest {
  private final ChatServer server = ChatServer.start();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String stdin, String... args) {
    Map<String, String> env = Map.of(
        "OPENAI_BASE_URL", server.url("/v1").toString(), "OPENAI_API_KEY", "sk-cli-test-key-123");
    return ChatWireCli.run(args, env,
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String chunk(String text) {
    return "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}";
  }

  @Test
  void streamsTheAnswerAndReportsUsage() {
    server.enqueue(MockResponse.sse(chunk("Hel"), chunk("lo"),
        "{\"id\":\"c\",\"choices\":[],\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,"
            + "\"total_tokens\":6}}"));
    int status = run("", "--model", "llama3.2", "--system", "Be brief.", "--usage", "Say", "hi");
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Hello" + System.lineSeparator());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tokens: prompt 4, completion 2, total 6");
    RecordedRequest r = server.takeRequest(Duration.ofSeconds(10));
    assertThat(r.getBodyUtf8()).contains("\"model\":\"llama3.2\"").contains("Be brief.")
        .contains("\"content\":\"Say hi\"");
    assertThat(r.getHeader("authorization")).isEqualTo("Bearer sk-cli-test-key-123");
  }

  @Test
  void readsThePromptFromStandardInputWithoutStreaming() {
    server.enqueue(MockResponse.json("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,"
        + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"from stdin\"},\"finish_reason\":\"stop\"}]}"));
    assertThat(run("what is piped\n", "--no-stream")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("from stdin" + System.lineSeparator());
    assertThat(server.takeRequest(Duration.ofSeconds(10)).getBodyUtf8()).contains("what is piped")
        .doesNotContain("\"stream\"");
  }

  @Test
  void anApiErrorExitsWithOneAndATypedMessage() {
    server.enqueue(MockResponse.error(401,
        "{\"error\":{\"message\":\"Incorrect API key provided: sk-cli-test-key-123\","
            + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
    assertThat(run("", "hello")).isEqualTo(1);
    String e = err.toString(StandardCharsets.UTF_8);
    assertThat(e).startsWith("chatwire: HTTP 401").contains("invalid_api_key")
        .doesNotContain("sk-cli-test-key-123");
  }

  @Test
  void aUsageErrorExitsWithTwo() {
    assertThat(run("", "--temperature")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--temperature needs a value")
        .contains("usage: chatwire");
    assertThat(run("", "--bogus", "x")).isEqualTo(2);
    assertThat(run("   ")).isEqualTo(2);
    assertThat(server.getRequestCount()).isZero();
  }
}
