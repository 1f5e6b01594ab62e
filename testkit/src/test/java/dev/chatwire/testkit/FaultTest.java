package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ChatServer server = ChatServer.start();

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void closeAtByteSendsThatManyBodyBytesThenEof() throws IOException {
    server.enqueue(MockResponse.patterned(100_000).faultAtByte(40_000, Fault.close()));

    try (RawClient client = new RawClient(server).post("/")) {
      assertThat(client.readHead()).contains("content-length: 100000");
      assertThat(client.readToEnd()).hasSize(40_000);
    }
  }

  @Test
  void closeBeforeHeadersSendsNothing() throws IOException {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(Fault.close()));

    try (RawClient client = new RawClient(server).post("/")) {
      assertThat(client.readToEnd()).isEmpty();
    }
  }

  @Test
  void resetMakesTheClientSeeAConnectionReset() throws IOException {
    server.enqueue(MockResponse.patterned(100_000).faultAtByte(1000, Fault.reset()));

    try (RawClient client = new RawClient(server).post("/")) {
      assertThatThrownBy(client::readToEnd)
          .isInstanceOf(SocketException.class)
          .hasMessageContaining("reset");
    }
  }

  @Test
  void stallUntilHoldsTheEventUntilReleased() throws IOException {
    Gate gate = new Gate();
    server.enqueue(MockResponse.sse("first", "second").chunked()
        .faultAtEvent(1, Fault.stallUntil(gate)));

    try (RawClient client = new RawClient(server).post("/")) {
      client.readHead();
      assertThat(client.readLine()).isEqualTo("d"); // chunk size of "data: first\n\n"
      assertThat(new String(client.read(13), StandardCharsets.UTF_8))
          .isEqualTo("data: first\n\n");
      client.readLine();
      client.socket.setSoTimeout(200);
      assertThatThrownBy(client::readLine).isInstanceOf(SocketTimeoutException.class);

      client.socket.setSoTimeout(10_000);
      gate.release();

      assertThat(client.readChunkedBody()).isEqualTo("data: second\n\ndata: [DONE]\n\n");
    }
  }

  @Test
  void truncateEventWritesHalfOfItThenCloses() throws IOException {
    server.enqueue(MockResponse.sse("0123456789").truncateEvent(0));

    try (RawClient client = new RawClient(server).post("/")) {
      client.readHead();
      String body = new String(client.readToEnd(), StandardCharsets.UTF_8);
      assertThat(body).isEqualTo("9\r\ndata: 012\r\n"); // 9 of the 18 event bytes, no last chunk
    }
  }

  @Test
  void stallDelaysTheRestOfTheBody() throws IOException {
    server.enqueue(MockResponse.body("abcd").faultAtByte(2, Fault.stall(Duration.ofMillis(300))));
    // Timed from before the request: the stall may start before this thread has read "ab".
    long start = System.nanoTime();

    try (RawClient client = new RawClient(server).post("/")) {
      client.readHead();
      assertThat(client.read(2)).containsExactly('a', 'b');
      assertThat(client.read(2)).containsExactly('c', 'd');
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
    }
  }

  @Test
  void eventDelayPacesTheEvents() throws IOException {
    server.enqueue(MockResponse.sse("a", "b", "c").eventDelay(Duration.ofMillis(100)));

    try (RawClient client = new RawClient(server).post("/")) {
      long start = System.nanoTime();
      client.readHead();
      assertThat(client.readChunkedBody()).isEqualTo("data: a\n\ndata: b\n\ndata: c\n\ndata: [DONE]\n\n");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(290));
    }
  }

  @Test
  void dripWritesEveryByte() throws IOException {
    server.enqueue(MockResponse.body("drip, drip, drip").drip());

    try (RawClient client = new RawClient(server).post("/")) {
      client.readHead();
      assertThat(new String(client.read(16), StandardCharsets.UTF_8)).isEqualTo("drip, drip, drip");
    }
  }

  @Test
  void aClientThatClosesIsSeenClosed() throws IOException {
    server.enqueue(MockResponse.sse("a").faultAtEvent(0, Fault.stallUntil(new Gate())));
    RecordedRequest request;
    try (RawClient client = new RawClient(server).post("/")) {
      client.readHead();
      request = server.takeRequest(WAIT);
      assertThat(request).isNotNull();
      assertThat(request.awaitClosed(Duration.ofMillis(50))).isFalse();
    }
    assertThat(request.awaitClosed(WAIT)).isTrue();
  }
}
