package dev.chatwire.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kotlin.Unit;
import me.kpavlov.aimocks.openai.MockOpenai;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads ai-mocks' answers as raw bytes, to pin where its wire format departs from OpenAI's: the
 * departures {@link AiMocksOpenaiTest} proves ChatWire copes with on every transport. Should a
 * later ai-mocks stop departing, this test says so, and the client tests stop proving anything
 * about that departure.
 */
class AiMocksWireTest {
  private static MockOpenai openai;

  @BeforeAll
  static void startServer() {
    openai = new MockOpenai(0, false);
    openai.completion(req -> req.userMessageContains("wire-stream"))
        .respondsStream(res -> {
          res.chunks("a", "b");
          res.setFinishReason("stop");
          return Unit.INSTANCE;
        });
    openai.completion(req -> req.userMessageContains("wire-error"))
        .respondsError(err -> {
          err.httpStatus(429);
          err.setBody("{\"error\":{\"message\":\"slow down\"}}");
        });
  }

  @AfterAll
  static void stopServer() {
    openai.shutdown();
  }

  @Test
  void streamSendsDataWithoutASpaceTwoContentTypesAndNoDoneUnlessAsked() throws IOException {
    String raw = post("wire-stream", true);
    String head = raw.substring(0, raw.indexOf("\r\n\r\n"));

    assertThat(head).startsWith("HTTP/1.1 200");
    assertThat(Arrays.stream(head.split("\r\n")).filter(h -> h.equals("Content-Type: text/event-stream")))
        .hasSize(2);
    assertThat(Arrays.stream(head.split("\r\n")).filter(h -> h.equals("Connection: keep-alive")))
        .hasSize(2);
    assertThat(raw).contains("\ndata:{\"id\":").doesNotContain("data: ").doesNotContain("[DONE]");
  }

  @Test
  void errorJsonComesAsPlainText() throws IOException {
    String raw = post("wire-error", false);

    assertThat(raw).startsWith("HTTP/1.1 429")
        .contains("\r\nContent-Type: text/plain; charset=UTF-8\r\n")
        .endsWith("{\"error\":{\"message\":\"slow down\"}}");
  }

  private static String post(String word, boolean stream) throws IOException {
    String body = "{\"model\":\"m\",\"stream\":" + stream
        + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + word + "\"}]}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", openai.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              + "Content-Type: application/json\r\nConnection: close\r\n"
              + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
