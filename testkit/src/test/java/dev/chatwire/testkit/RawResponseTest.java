package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RawResponseTest {
  private final ChatServer server = ChatServer.start();

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void rawBytesAreWrittenAsGivenThenTheConnectionCloses() throws IOException {
    String response = "HTTP/1.1 200 OK\r\nNo colon on this line\r\n\r\nbody";
    server.enqueue(MockResponse.raw(response.getBytes(StandardCharsets.ISO_8859_1)));

    try (RawClient client = new RawClient(server).post("/")) {
      assertThat(new String(client.readToEnd(), StandardCharsets.ISO_8859_1)).isEqualTo(response);
    }
  }

  @Test
  void aRepeatingRawResponseRepeatsItsUnitAfterThePrefix() throws IOException {
    server.enqueue(MockResponse.raw("HTTP/1.1 200 OK\r\n", "X-A: b\r\n", 17 + 8 * 3 + 4));

    try (RawClient client = new RawClient(server).post("/")) {
      assertThat(new String(client.readToEnd(), StandardCharsets.ISO_8859_1))
          .isEqualTo("HTTP/1.1 200 OK\r\nX-A: b\r\nX-A: b\r\nX-A: b\r\nX-A:");
    }
  }

  @Test
  void openConnectionsAreCountedUntilTheyClose() throws IOException, InterruptedException {
    server.enqueue(MockResponse.raw("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1))
        .faultAtByte(17, Fault.stall(Duration.ofMinutes(1))));
    RawClient client = new RawClient(server).post("/");
    assertThat(server.takeRequest(Duration.ofSeconds(10))).isNotNull();
    assertThat(server.getOpenConnectionCount()).isEqualTo(1);

    client.close();
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.getOpenConnectionCount() > 0 && System.nanoTime() < end) Thread.sleep(10);
    assertThat(server.getOpenConnectionCount()).isZero();
  }
}
