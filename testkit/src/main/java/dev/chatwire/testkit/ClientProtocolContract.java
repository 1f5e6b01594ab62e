package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.ChatWire;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.model.ChatCompletion;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that answers outside HTTP or points elsewhere, as the client reports it on every
 * transport: at once, typed, never retried, never followed. Extend {@link ClientContract}.
 */
public abstract class ClientProtocolContract extends ClientConnectContract {

  /**
   * A header line without a colon ends the call at once, on virtual time that never moves: with
   * the completion where the transport ignores the line, else as a connection error saying the
   * response is not valid HTTP, naming host and port; never retried, never at a timer.
   */
  @Test
  void aMalformedHeaderLineEndsAtOnceNeverAtATimerAndIsNotRetried() throws Exception {
    String body = completionJson("lenient");
    server.enqueue(MockResponse.raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        + "this line has no colon\r\nContent-Length: " + body.length() + "\r\n\r\n" + body));
    RetryLog retries = new RetryLog();
    ChatWire c = client(b -> b.eventListener(retries));

    CompletableFuture<ChatCompletion> f = c.chat().createAsync(request());

    try {
      assertThat(text(f.get(10, TimeUnit.SECONDS))).isEqualTo("lenient");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
          .hasMessageContaining("not valid HTTP")
          .hasMessageContaining(":" + server.url("/").getPort());
    }
    assertThat(retries.reasons).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aRedirectIsAnApiErrorNamingStatusAndLocationNeverFollowed() throws Exception {
    String elsewhere = "http://elsewhere.invalid/v1/chat/completions";
    server.enqueue(MockResponse.json("{}").status(307).header("Location", elsewhere));
    server.enqueue(MockResponse.json(completionJson("followed")));
    RetryLog retries = new RetryLog();
    ChatWire c = client(b -> b.eventListener(retries));

    CompletableFuture<ChatCompletion> f = c.chat().createAsync(request());

    ExecutionException e =
        catchThrowableOfType(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(ApiException.class)
        .hasMessageContaining("307")
        .hasMessageContaining(elsewhere);
    assertThat(((ApiException) e.getCause()).getStatus()).isEqualTo(307);
    assertThat(retries.reasons).isEmpty();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
