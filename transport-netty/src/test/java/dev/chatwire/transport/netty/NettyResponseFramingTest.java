package dev.chatwire.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NettyResponseFramingTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final NettyTransport transport = NettyTransport.create();

  @AfterEach
  void tearDown() {
    transport.close();
  }

  private RecordingHandler exchange(String response, boolean closeAfter) throws IOException {
    try (RawServer server = new RawServer(response, closeAfter)) {
      return exchange(server);
    }
  }

  private RecordingHandler exchange(RawServer server) {
    RecordingHandler handler = RecordingHandler.collecting().autoRequest();
    handler.start(transport, HttpRequest.builder().uri(server.url()).build());
    handler.request(1);
    assertThat(handler.awaitTerminal(WAIT)).as("terminal: %s", handler).isTrue();
    assertThat(handler.violations()).isEmpty();
    return handler;
  }

  private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

  @Test
  void aChunkedBodyWithExtensionsBareLineFeedsAndTrailersIsReadWhole() throws IOException {
    RecordingHandler handler = exchange(CHUNKED + "5;ext=1\r\nhello\r\n 1 \r\n,\r\n"
        + "6\nworld!\n0\r\nX-Trailer: t\r\n\r\n", false);

    assertThat(handler.isCompleted()).isTrue();
    assertThat(handler.bodyUtf8()).isEqualTo("hello,world!");
  }

  @Test
  void aChunkLongerThanItsSizeIsAnErrorNotACutBody() throws IOException {
    RecordingHandler handler = exchange(CHUNKED + "3\r\nhello\r\n0\r\n\r\n", false);

    assertThat(handler.error()).hasMessageContaining("ran past its declared size");
    assertThat(handler.bodyUtf8()).isEqualTo("hel");
  }

  @Test
  void aMalformedChunkSizeIsAnError() throws IOException {
    RecordingHandler handler = exchange(CHUNKED + "2\r\nok\r\nzz\r\n", false);

    assertThat(handler.error())
        .hasMessageContaining("malformed chunked body: expected a chunk size");
    assertThat(handler.bodyUtf8()).isEqualTo("ok");
  }

  @Test
  void aChunkedBodyCutByTheServerIsAnError() throws IOException {
    RecordingHandler handler = exchange(CHUNKED + "5\r\nhello\r\n", true);

    assertThat(handler.error()).hasMessageContaining("before the response body ended");
    assertThat(handler.bodyUtf8()).isEqualTo("hello");
  }

  @Test
  void bytesAfterAChunkedBodyEndItButCloseTheConnection() throws Exception {
    try (RawServer server = new RawServer(CHUNKED + "2\r\nok\r\n0\r\n\r\nHTTP/1.1 200", false)) {
      RecordingHandler handler = exchange(server);

      assertThat(handler.isCompleted()).isTrue();
      assertThat(handler.bodyUtf8()).isEqualTo("ok");
      assertThat(server.awaitClientClose(WAIT)).as("the client closed the connection").isTrue();
    }
  }

  @Test
  void anInformationalResponseIsSkipped() throws IOException {
    RecordingHandler handler = exchange("HTTP/1.1 100 Continue\r\n\r\n"
        + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false);

    assertThat(handler.calls()).containsExactly("onResponse(200)", "onBody(2)", "onComplete");
    assertThat(handler.bodyUtf8()).isEqualTo("ok");
  }

  @Test
  void aBodyThatEndsWithTheConnectionCompletes() throws IOException {
    RecordingHandler handler = exchange("HTTP/1.1 200 OK\r\n\r\nuntil the end", true);

    assertThat(handler.isCompleted()).isTrue();
    assertThat(handler.bodyUtf8()).isEqualTo("until the end");
  }

  @Test
  void headerFieldsKeepTheirOrderAndRepeats() throws IOException {
    RecordingHandler handler = exchange("HTTP/1.1 200 OK\r\nB: 1\r\nA: 2\r\nb: 3\r\n"
        + "Content-Length: 0\r\n\r\n", false);

    Headers headers = handler.headers();
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) fields.add(headers.name(i) + "=" + headers.value(i));
    assertThat(fields).containsExactly("B=1", "A=2", "b=3", "Content-Length=0");
    assertThat(handler.isCompleted()).isTrue();
  }

  @Test
  void aMalformedStatusLineIsOneError() throws IOException {
    RecordingHandler handler = exchange("HTTP/1.1 abc\r\nContent-Length: 0\r\n\r\n", false);

    assertThat(handler.error()).hasMessageContaining("malformed HTTP response");
    assertThat(handler.calls()).hasSize(1);
  }

  @Test
  void aHeadLargerThanTheLimitIsOneError() throws IOException {
    String big = "x".repeat(40 * 1024);
    RecordingHandler handler = exchange("HTTP/1.1 200 OK\r\nX-Big: " + big + "\r\n"
        + "Content-Length: 0\r\n\r\n", false);

    assertThat(handler.error()).isNotNull();
    assertThat(handler.calls()).hasSize(1);
  }
}
