package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowControlTest {
  private static final long SIZE = 64L * 1024 * 1024;
  private final ChatServer server = ChatServer.start();

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void aReaderThatStopsReadingStopsTheWrites() throws Exception {
    server.enqueue(MockResponse.patterned(SIZE));

    try (RawClient client = new RawClient(server)) {
      client.socket.setReceiveBufferSize(64 * 1024);
      client.post("/");
      RecordedRequest request = server.takeRequest(Duration.ofSeconds(10));
      assertThat(request).isNotNull();

      long written = awaitQuiet(request);

      assertThat(written).isLessThan(16L * 1024 * 1024);
      readAndCheck(client);
      assertThat(request.awaitResponseWritten(Duration.ofSeconds(10))).isTrue();
      assertThat(request.getResponseBytesWritten()).isEqualTo(SIZE);
    }
  }

  /** Waits until the count stops moving for 300 ms, up to 20 s, and returns it. */
  static long awaitQuiet(RecordedRequest request) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    long last = -1;
    int still = 0;
    while (still < 6 && System.nanoTime() < deadline) {
      long now = request.getResponseBytesWritten();
      still = now == last ? still + 1 : 0;
      last = now;
      Thread.sleep(50);
    }
    return last;
  }

  private static void readAndCheck(RawClient client) throws IOException {
    client.readHead();
    byte[] buffer = new byte[64 * 1024];
    long at = 0;
    while (at < SIZE) {
      int n = client.in.read(buffer, 0, (int) Math.min(buffer.length, SIZE - at));
      if (n < 0) throw new IOException("EOF at " + at);
      for (int i = 0; i < n; i++) {
        if (buffer[i] != MockResponse.patternByte(at + i)) throw new AssertionError("byte " + (at + i));
      }
      at += n;
    }
  }
}
