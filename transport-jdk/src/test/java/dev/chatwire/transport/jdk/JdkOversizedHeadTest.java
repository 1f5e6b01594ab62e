package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A response head over java.net.http's limit ({@code jdk.http.maxHeaderSize}, 384 KiB by
 * default) fails with a {@link java.net.ProtocolException}, after which the JDK's client leaves
 * that connection open (its own defect; {@link JdkTransport#close()} closes it on Java 21 and
 * later). ChatWire cannot see the head before the JDK parses it, so what it guarantees is the
 * bound: a protocol error is never retried, so one call leaves at most one such connection, not
 * one per attempt.
 */
class JdkOversizedHeadTest {
  private final ChatServer server = ChatServer.start();
  private final JdkTransport transport = JdkTransport.create();

  @AfterEach
  void close() {
    transport.close();
    server.close();
  }

  @Test
  void anOversizedResponseHeadIsOneProtocolErrorAndOneRequestNeverRetried() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(MockResponse.json("{}").header("X-Big", "a".repeat(400 * 1024)));
    }
    List<ChatWireException> retries = new CopyOnWriteArrayList<>();
    ChatWire client = ChatWire.builder()
        .baseUrl(server.url("/v1").toString())
        .transport(transport)
        .retryPolicy(RetryPolicy.builder().maxRetries(2).initialDelay(Duration.ZERO).build())
        .eventListener(new EventListener() {
          @Override
          public void retryScheduled(int next, Duration delay, ChatWireException reason) {
            retries.add(reason);
          }
        })
        .build();

    assertThatThrownBy(() -> client.chat().create(
        ChatCompletionRequest.builder().model("m").addUserMessage("hi").build()))
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("not valid HTTP")
        .hasMessageContaining("Header size too big");
    assertThat(retries).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
    // What remains: at most the one connection of that call, whatever the retries allowed.
    assertThat(server.getOpenConnectionCount()).isLessThanOrEqualTo(1);
  }

  /** On Java 21 and later, closing the transport closes the connection the JDK kept. */
  @Test
  void closingTheTransportClosesTheKeptConnectionOnJava21AndLater() throws InterruptedException {
    assumeTrue(Runtime.version().feature() >= 21, "before Java 21 the JDK's client cannot close");
    server.enqueue(MockResponse.json("{}").header("X-Big", "a".repeat(400 * 1024)));
    ChatWire client = ChatWire.builder().baseUrl(server.url("/v1").toString())
        .transport(transport).retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> client.chat().create(
        ChatCompletionRequest.builder().model("m").addUserMessage("hi").build()))
        .isInstanceOf(ConnectionException.class);

    transport.close();

    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (server.getOpenConnectionCount() > 0 && System.nanoTime() < end) {
      Thread.sleep(20); // polling for the close to be seen, not proving an absence
    }
    assertThat(server.getOpenConnectionCount()).isZero();
  }
}
