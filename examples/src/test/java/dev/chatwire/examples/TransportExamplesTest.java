package dev.chatwire.examples;

import static dev.chatwire.examples.Scripts.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.examples.kotlin.OkHttpInterceptorKt;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The examples that bring their own transport; run by a surefire execution of their own, with
 * every transport on the class path (see pom.xml).
 */
@Tag(TransportExamplesTest.TAG)
class TransportExamplesTest extends ExampleServer {
  static final String TAG = "own-transport";

  @Test
  void okHttpInterceptorTagsAndLogsTheExchange() {
    server.enqueue(MockResponse.json(answer("hi")));

    assertThat(run(OkHttpInterceptorExample::run))
        .isEqualTo("--> POST /v1/chat/completions\n<-- 200 application/json\nanswer: hi\n");
    RecordedRequest r = request();
    assertThat(r.getHeader("X-Client-Tag")).isEqualTo("examples");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void kotlinOkHttpInterceptorTagsAndLogsTheExchange() {
    server.enqueue(MockResponse.json(answer("hi")));

    assertThat(run(OkHttpInterceptorKt::okHttpInterceptor))
        .isEqualTo("--> POST /v1/chat/completions\n<-- 200 application/json\nanswer: hi\n");
    assertThat(request().getHeader("X-Client-Tag")).isEqualTo("examples");
  }

  @Test
  void nettyStreamsThreeAnswersOnTheSharedLoopAndLeavesItRunning() {
    server.setDispatcher(request -> {
      String body = request.getBodyUtf8();
      String city = body.contains("Lima") ? "Lima" : body.contains("Oslo") ? "Oslo" : "Pune";
      return MockResponse.sse(Scripts.content(city + " fact."));
    });

    assertThat(run(NettySharedEventLoopExample::run))
        .isEqualTo("Lima fact.\nOslo fact.\nPune fact.\ngroup still running: true\n");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
