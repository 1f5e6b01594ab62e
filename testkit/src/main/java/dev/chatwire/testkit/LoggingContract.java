package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.ChatWire;
import dev.chatwire.LoggingEventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.error.AuthenticationException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.stream.ChatStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The logging listener over a real transport: switched on by the {@code chatwire.log} system
 * property (to {@code java.util.logging}) and by code (to a sink), for a blocking call, a stream
 * and an error. Every line is searched for the key, which must never appear, and for what the
 * level promises. Run through {@link ListenerContract}.
 */
public abstract class LoggingContract extends ClientHarness {
  /** A key of no recognizable shape: only the key ChatWire remembered can hide it. */
  static final String PLAIN_KEY = "ZZplainKEY0123456789";

  private ChatWire loggedClient(Consumer<ChatWire.Builder> more) {
    return client(b -> {
      b.apiKey(PLAIN_KEY).defaultHeader("x-trace", "k=" + PLAIN_KEY).scheduler(Scheduler.system());
      more.accept(b);
    });
  }

  /** Lines logged to {@code java.util.logging} logger {@code dev.chatwire} while {@code r} runs. */
  private static List<String> julLines(Runnable r) {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger("dev.chatwire");
    logger.addHandler(handler);
    try {
      r.run();
    } finally {
      logger.removeHandler(handler);
    }
    return lines;
  }

  private static void assertNoKey(List<String> lines) {
    assertThat(lines).isNotEmpty();
    for (String line : lines) {
      assertThat(line).doesNotContain(PLAIN_KEY).doesNotContain(SECRET).doesNotContain("KEY0123");
    }
  }

  private static String joined(List<String> lines) {
    return String.join("\n", lines);
  }

  @Test
  void theSystemPropertyLogsABlockingCallWithBodiesAndNoKey() {
    server.enqueue(MockResponse.json(completionJson("Hi")));
    String before = System.getProperty(LoggingEventListener.SYSTEM_PROPERTY);
    System.setProperty(LoggingEventListener.SYSTEM_PROPERTY, "body");
    ChatWire c;
    try {
      c = loggedClient(b -> {});
    } finally {
      if (before == null) System.clearProperty(LoggingEventListener.SYSTEM_PROPERTY);
      else System.setProperty(LoggingEventListener.SYSTEM_PROPERTY, before);
    }

    List<String> lines = julLines(() -> c.chat().create(request()));

    assertNoKey(lines);
    String log = joined(lines);
    assertThat(log)
        .contains("--> POST " + server.url("/v1/chat/completions") + " model=gpt-test")
        .contains("Authorization: ██")
        .contains("x-trace: k=██")
        .contains("\"content\":\"Hello\"")
        .containsPattern("<-- 200 \\(\\d+ ms\\)")
        .containsPattern("<-- end 200 model=gpt-test id=chatcmpl-1 finish=stop "
            + "usage=3 in \\+ 2 out = 5 tokens \\(total \\d+ ms\\)")
        .contains("\"content\":\"Hi\"");
    assertThat(lines).allMatch(l -> l.startsWith("[chatwire "));
  }

  @Test
  void aClientBuiltWithoutThePropertyLogsNothing() {
    server.enqueue(MockResponse.json(completionJson("Hi")));
    ChatWire c = loggedClient(b -> {});

    List<String> lines = julLines(() -> c.chat().create(request()));

    assertThat(lines).isEmpty();
  }

  @Test
  void codeRoutesAStreamToASinkWithEachChunkAndTheUsage() {
    String usage = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
        + "\"model\":\"gpt-test\",\"choices\":[],"
        + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}";
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), finishJson(), usage));
    List<String> lines = new CopyOnWriteArrayList<>();
    ChatWire c = loggedClient(b -> b.eventListenerFactory(LoggingEventListener.builder()
        .level(LoggingEventListener.Level.BODY).sink(lines::add).build()));

    ChatCompletion completion;
    try (ChatStream s = c.chat().stream(request())) {
      completion = s.getCompletion();
    }

    assertThat(text(completion)).isEqualTo("ab");
    assertNoKey(lines);
    String log = joined(lines);
    assertThat(log)
        .contains("model=gpt-test stream")
        .contains("Accept: text/event-stream")
        .containsPattern("first chunk after \\d+ ms")
        .contains("data: {\"id\":\"chatcmpl-1\"")
        .contains("usage=4 in + 2 out = 6 tokens");
    assertThat(lines.stream().filter(l -> l.contains("data: ")).count()).isEqualTo(4);
  }

  @Test
  void basicLevelLogsNoHeadersAndNoBodies() {
    server.enqueue(MockResponse.json(completionJson("Hi")));
    List<String> lines = new CopyOnWriteArrayList<>();
    ChatWire c = loggedClient(b -> b.eventListenerFactory(
        LoggingEventListener.builder().sink(lines::add).build()));

    c.chat().create(request());

    assertThat(lines).hasSize(3);
    assertThat(joined(lines)).doesNotContain("Authorization").doesNotContain("\"content\"");
  }

  @Test
  void anErrorIsLoggedWithItsStatusAndBodyWithoutTheKeyItEchoed() {
    server.enqueue(MockResponse.error(401,
        "{\"error\":{\"message\":\"Incorrect API key provided: " + PLAIN_KEY + "\"}}"));
    List<String> lines = new CopyOnWriteArrayList<>();
    ChatWire c = loggedClient(b -> b.eventListenerFactory(LoggingEventListener.builder()
        .level(LoggingEventListener.Level.BODY).sink(lines::add).build()));

    catchThrowableOfType(AuthenticationException.class, () -> c.chat().create(request()));

    assertNoKey(lines);
    assertThat(joined(lines))
        .containsPattern("<-- 401 \\(\\d+ ms\\)")
        .contains("<-- failed AuthenticationException")
        .contains("Incorrect API key provided: ██");
  }

  @Test
  void aRetryIsLoggedWithItsAttempt() {
    server.enqueue(MockResponse.error(503, "{\"error\":{\"message\":\"busy\"}}"));
    server.enqueue(MockResponse.json(completionJson("Hi")));
    List<String> lines = new CopyOnWriteArrayList<>();
    ChatWire c = loggedClient(b -> b.retryPolicy(zeroDelay()).eventListenerFactory(
        LoggingEventListener.builder().sink(lines::add).build()));

    c.chat().create(request());

    assertThat(joined(lines))
        .contains("<-- 503")
        .contains("retry 2 in 0 ms after InternalServerException")
        .contains("--> attempt 2 POST")
        .contains("<-- end 200");
  }

  static RetryPolicy zeroDelay() {
    return RetryPolicy.builder().initialDelay(Duration.ZERO).maxDelay(Duration.ZERO).build();
  }
}
