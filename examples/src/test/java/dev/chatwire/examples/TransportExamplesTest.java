package dev.chatwire.examples;

import static dev.chatwire.examples.Scripts.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.examples.kotlin.NettySharedEventLoopKt;
import dev.chatwire.examples.kotlin.OkHttpInterceptorKt;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.RecordedRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples that bring their own transport; run by a surefire execution of their own, with
 * every transport on the class path (see pom.xml).
 */
@Tag(TransportExamplesTest.TAG)
class TransportExamplesTest extends ExampleServer {
  static final String TAG = "own-transport";

  static Stream<Named<Example>> okHttp() {
    return Example.both(OkHttpInterceptorExample::run, OkHttpInterceptorKt::okHttpInterceptor);
  }

  static Stream<Named<Example>> netty() {
    return Example.both(NettySharedEventLoopExample::run, NettySharedEventLoopKt::nettySharedEventLoop);
  }

  @ParameterizedTest
  @MethodSource("okHttp")
  void okHttpInterceptorTagsAndLogsTheExchange(Example example) {
    server.enqueue(MockResponse.json(answer("hi")));

    assertThat(run(example))
        .isEqualTo("--> POST /v1/chat/completions\n<-- 200 application/json\nanswer: hi\n");
    RecordedRequest r = request();
    assertThat(r.getHeader("X-Client-Tag")).isEqualTo("examples");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @ParameterizedTest
  @MethodSource("netty")
  void nettyStreamsThreeAnswersOnTheSharedLoopAndLeavesItRunning(Example example) {
    server.setDispatcher(request -> {
      String body = request.getBodyUtf8();
      String city = body.contains("Lima") ? "Lima" : body.contains("Oslo") ? "Oslo" : "Pune";
      return MockResponse.sse(Scripts.content(city + " fact."));
    });

    assertThat(run(example))
        .isEqualTo("Lima fact.\nOslo fact.\nPune fact.\ngroup still running: true\n");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }
}
