package dev.chatwire.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.ChatWire;
import dev.chatwire.RetryPolicy;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.NotFoundException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.FinishReason;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.transport.Transport;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ChatWire client on every transport against mock-llm, an OpenAI-compatible server on Node.js
 * and Express that the build installs from the npm registry (pinned by {@code
 * src/test/node/package-lock.json}) when Node.js is on the machine; without it these tests are
 * skipped. Where mock-llm departs from OpenAI, ChatWire still gives the right result: answers and
 * chunks without {@code created}, an error on a stream sent as a 200 with one error event, and
 * Express's own 404 body ({@code {"error":"Not Found","message":"Cannot POST …"}}).
 */
class MockLlmTest {
  private static final String CONFIG = String.join("\n",
      "streaming:",
      "  chunkSize: 4",
      "  chunkIntervalMs: 1",
      "rules:",
      "  - path: \"^/v1/chat/completions$\"",
      "    method: POST",
      "    match: \"contains(body.messages[-1].content, 'echo')\"",
      "    response:",
      "      status: 200",
      "      content: |",
      "        {\"id\": \"chatcmpl-{{timestamp}}\", \"object\": \"chat.completion\",",
      "         \"model\": \"{{jmes request body.model}}\",",
      "         \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\",",
      "           \"content\": \"You said: {{jmes request body.messages[-1].content}}\"},",
      "           \"finish_reason\": \"stop\"}]}",
      "  - path: \"^/v1/chat/completions$\"",
      "    method: POST",
      "    match: \"contains(body.messages[-1].content, 'limited')\"",
      "    response:",
      "      status: 429",
      "      content: |",
      "        {\"error\": {\"message\": \"Rate limit reached\", \"type\": \"requests\",",
      "         \"param\": null, \"code\": \"rate_limit_exceeded\"}}",
      "");

  private static Process server;
  private static String baseUrl;

  private Transport transport;
  private ChatWire client;

  @BeforeAll
  static void startServer(@TempDir Path dir) throws Exception {
    String main = System.getProperty("chatwire.mockllm.main");
    assumeTrue(main != null && Files.exists(Paths.get(main)),
        "mock-llm is installed by the build only where Node.js is on the machine");
    Path config = dir.resolve("mock-llm.yaml");
    Files.write(config, CONFIG.getBytes(StandardCharsets.UTF_8));
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder("node", main, "--config", config.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("mock-llm.log").toFile());
    builder.environment().put("HOST", "127.0.0.1");
    builder.environment().put("PORT", Integer.toString(port));
    server = builder.start();
    baseUrl = "http://127.0.0.1:" + port + "/v1";
    awaitHealthy(port, dir.resolve("mock-llm.log"));
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor();
    }
  }

  @AfterEach
  void closeClient() throws Exception {
    if (client != null) client.close();
    if (transport != null) transport.close();
  }

  private ChatWire client(Wire wire) {
    transport = wire.create();
    client = ChatWire.builder()
        .baseUrl(baseUrl)
        .apiKey("sk-interop")
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build();
    return client;
  }

  private static ChatCompletionRequest ask(String words) {
    return ChatCompletionRequest.builder().model("gpt-4o-mini").addUserMessage(words).build();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void answerWithoutCreatedKeepsItAbsent(Wire wire) {
    ChatCompletion completion = client(wire).chat().create(ask("echo " + wire));

    assertThat(completion.getChoices().get(0).getMessage().getContent())
        .isEqualTo("You said: echo " + wire);
    assertThat(completion.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
    assertThat(completion.getModel()).isEqualTo("gpt-4o-mini");
    assertThat(completion.getCreated()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void streamOfChunksWithoutCreatedAccumulates(Wire wire) {
    List<ChatCompletionChunk> chunks = new ArrayList<>();
    ChatCompletion completion;
    try (ChatStream stream = client(wire).chat().stream(ask("echo streamed on " + wire))) {
      stream.forEach(chunks::add);
      completion = stream.getCompletion();
    }

    String expected = "You said: echo streamed on " + wire;
    assertThat(chunks).hasSize((expected.length() + 3) / 4);
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.getCreated()).isNull());
    assertThat(completion.getChoices().get(0).getMessage().getContent()).isEqualTo(expected);
    assertThat(completion.getChoices().get(0).getFinishReason()).isEqualTo(FinishReason.STOP);
    assertThat(completion.getCreated()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void errorStatusBecomesItsTypedException(Wire wire) {
    assertThatThrownBy(() -> client(wire).chat().create(ask("limited " + wire)))
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.getStatus()).isEqualTo(429);
          assertThat(e.getCode()).isEqualTo("rate_limit_exceeded");
          assertThat(e.isInStream()).isFalse();
        });
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void errorEventOnAStreamIsTypedAsTheSameError(Wire wire) {
    assertThatThrownBy(() -> {
          try (ChatStream stream = client(wire).chat().stream(ask("limited stream " + wire))) {
            stream.forEach(chunk -> {});
          }
        })
        .isInstanceOfSatisfying(RateLimitException.class, e -> {
          assertThat(e.isInStream()).isTrue();
          assertThat(e.getCode()).isEqualTo("rate_limit_exceeded");
          assertThat(e.getError().getMessage()).isEqualTo("Rate limit reached");
        });
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void expressNotFoundKeepsItsMessage(Wire wire) {
    assertThatThrownBy(() -> client(wire).chat().create(ask("nothing matches this " + wire)))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.getStatus()).isEqualTo(404);
          assertThat(e.getMessage()).contains("Not Found").contains("Cannot POST /v1/chat/completions");
        });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Polls mock-llm's health endpoint until it answers, for at most 30 s. */
  private static void awaitHealthy(int port, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("mock-llm exited: " + Files.readString(log));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/health").openConnection();
        c.setConnectTimeout(1_000);
        c.setReadTimeout(1_000);
        if (c.getResponseCode() == 200) return;
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("mock-llm did not start in 30 s: " + Files.readString(log));
  }
}
