package dev.chatwire.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.Fault;
import dev.chatwire.testkit.Gate;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkHttpThreadingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final ChatServer server = ChatServer.start();
  private final OkHttpTransport transport = OkHttpTransport.create();

  @AfterEach
  void close() {
    transport.close();
    server.close();
  }

  private HttpRequest post() {
    return Posts.json(server, "{}").build();
  }

  @Test
  void headArrivesOnADispatcherThread() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    Recorder recorder = new Recorder();

    transport.execute(post(), recorder);

    assertThat(recorder.awaitResponse(WAIT)).isTrue();
    assertThat(recorder.responseThread).isNotSameAs(Thread.currentThread());
    assertThat(recorder.responseThread.getName()).contains("OkHttp");
  }

  @Test
  void bodyIsReadOnTheThreadThatRequestsIt() throws InterruptedException {
    server.enqueue(MockResponse.json("{\"id\":\"x\"}"));
    Recorder recorder = new Recorder();
    Exchange exchange = transport.execute(post(), recorder);
    assertThat(recorder.awaitResponse(WAIT)).isTrue();

    exchange.request();
    exchange.request();

    assertThat(recorder.calls).containsExactly("onResponse(200)", "onBody", "onComplete");
    assertThat(recorder.bodyThreads).containsExactly(Thread.currentThread());
    assertThat(recorder.bodyUtf8()).isEqualTo("{\"id\":\"x\"}");
  }

  @Test
  void requestFromInsideTheHeadCallbackReadsOnTheDispatcherThread() throws InterruptedException {
    Gate head = new Gate();
    server.enqueue(MockResponse.sse("{\"n\":0}", "{\"n\":1}")
        .faultBeforeHeaders(Fault.stallUntil(head)));
    Recorder recorder = new Recorder();
    AtomicReference<Exchange> exchange = new AtomicReference<>();
    recorder.afterResponse = r -> exchange.get().request();
    recorder.afterBody = r -> exchange.get().request();
    exchange.set(transport.execute(post(), recorder));
    head.release();

    assertThat(recorder.awaitTerminal(WAIT)).isTrue();
    assertThat(recorder.calls).endsWith("onComplete").doesNotContain("onError");
    assertThat(recorder.bodyThreads).allMatch(t -> t == recorder.responseThread);
    assertThat(recorder.bodyUtf8()).endsWith("data: [DONE]\n\n");
  }

  @Test
  void requestBeforeTheHeadIsServedWhenItArrives() throws InterruptedException {
    server.enqueue(MockResponse.json("{\"id\":\"early\"}"));
    Recorder recorder = new Recorder();

    Exchange exchange = transport.execute(post(), recorder);
    exchange.request();
    exchange.request();

    assertThat(recorder.awaitTerminal(WAIT)).isTrue();
    assertThat(recorder.calls).containsExactly("onResponse(200)", "onBody", "onComplete");
    assertThat(recorder.bodyUtf8()).isEqualTo("{\"id\":\"early\"}");
  }

  @Test
  void eachRequestIsAtMostOneBodyCall() throws InterruptedException {
    server.enqueue(MockResponse.patterned(100_000));
    Recorder recorder = new Recorder();
    Exchange exchange = transport.execute(post(), recorder);
    assertThat(recorder.awaitResponse(WAIT)).isTrue();

    exchange.request();
    exchange.request();

    assertThat(recorder.calls).containsExactly("onResponse(200)", "onBody", "onBody");
  }

  @Test
  void cancelAfterCompletionChangesNothing() throws InterruptedException {
    server.enqueue(MockResponse.json("{}"));
    Recorder recorder = new Recorder();
    Exchange exchange = transport.execute(post(), recorder);
    assertThat(recorder.awaitResponse(WAIT)).isTrue();
    exchange.request();
    exchange.request();

    exchange.cancel();
    exchange.request();

    assertThat(recorder.calls).containsExactly("onResponse(200)", "onBody", "onComplete");
  }

  @Test
  void cancelBeforeTheHeadIsOneError() throws InterruptedException {
    server.enqueue(MockResponse.json("{}").faultBeforeHeaders(
        Fault.stall(Duration.ofSeconds(30))));
    Recorder recorder = new Recorder();
    Exchange exchange = transport.execute(post(), recorder);
    assertThat(server.takeRequest(WAIT)).isNotNull();

    exchange.cancel();
    exchange.cancel();

    assertThat(recorder.awaitTerminal(WAIT)).isTrue();
    assertThat(recorder.calls).containsExactly("onError");
  }
}
