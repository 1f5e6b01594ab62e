package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the client contract suites share: a scripted server, virtual time, the transport under
 * test, and small request and response builders.
 */
public abstract class ClientHarness {
  static final Duration WAIT = Duration.ofSeconds(10);
  /** A key the tests look for in every message and string. */
  protected static final String SECRET = "sk-test-SECRET0123456789";

  /** The server each test talks to. */
  protected ChatServer server;
  /** Virtual time for every timer of the client. */
  protected VirtualScheduler time;
  private Transport transport;
  private final List<ChatWire> clients = new ArrayList<>();

  /** Creates the transport under test; the suite closes it. */
  protected abstract Transport newTransport();

  @BeforeEach
  void startServer() {
    server = ChatServer.start();
    time = new VirtualScheduler();
    transport = newTransport();
  }

  @AfterEach
  void stopServer() {
    for (ChatWire c : clients) c.close();
    transport.close();
    server.close();
  }

  /** A client of the test server on virtual time, configured further by {@code b}. */
  protected ChatWire client(java.util.function.Consumer<ChatWire.Builder> b) {
    ChatWire.Builder builder =
        ChatWire.builder()
            .baseUrl(server.url("/v1").toString())
            .apiKey(SECRET)
            .transport(transport)
            .scheduler(time);
    b.accept(builder);
    ChatWire c = builder.build();
    clients.add(c);
    return c;
  }

  /** The transport under test, shared by the clients of one test. */
  protected Transport transport() {
    return transport;
  }

  /** A default client of the test server. */
  protected ChatWire client() {
    return client(b -> {});
  }

  /** A small request. */
  protected static ChatCompletionRequest request() {
    return ChatCompletionRequest.builder().model("gpt-test").addUserMessage("Hello").build();
  }

  /** A {@code chat.completion} JSON body. */
  protected static String completionJson(String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
        + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"" + content + "\"},\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";
  }

  /** A {@code chat.completion.chunk} JSON with one content delta. */
  protected static String chunkJson(String content) {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content
        + "\"},\"finish_reason\":null}]}";
  }

  static String finishJson() {
    return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
  }

  RecordedRequest take() {
    RecordedRequest r = server.takeRequest(WAIT);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  static String text(ChatCompletion c) {
    return c.getChoices().get(0).getMessage().getContent();
  }
}
