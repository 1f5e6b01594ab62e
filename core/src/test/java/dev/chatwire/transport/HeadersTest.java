package dev.chatwire.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Header fields keep their order and case; common ones are stored once for every response. */
class HeadersTest {
  private static Headers response(String contentTypeName, String requestId) {
    // New String instances, as a transport's parser makes them for every response.
    return Headers.builder()
        .add(new String(contentTypeName), new String("text/event-stream; charset=utf-8"))
        .add(new String("x-request-id"), requestId)
        .add(new String("x-custom"), new String("v"))
        .build();
  }

  @Test
  void keepsOrderCaseAndValuesAsGiven() {
    Headers h = response("Content-Type", "req_1");

    assertThat(h.size()).isEqualTo(3);
    assertThat(h.name(0)).isEqualTo("Content-Type");
    assertThat(h.get("content-type")).isEqualTo("text/event-stream; charset=utf-8");
    assertThat(h.get("X-Request-Id")).isEqualTo("req_1");
    assertThat(h.name(2)).isEqualTo("x-custom");
  }

  @Test
  void aCommonNameOrValueIsOneInstanceForEveryResponse() {
    Headers a = response("Content-Type", "req_1");
    Headers b = response("Content-Type", "req_2");
    Headers lower = response("content-type", "req_3");

    assertThat(a.name(0)).isSameAs(b.name(0));
    assertThat(a.get("content-type")).isSameAs(b.get("content-type"));
    assertThat(a.name(1)).isSameAs(b.name(1));
    assertThat(lower.name(0)).isEqualTo("content-type").isSameAs(response("content-type", "x").name(0));
    // What is not common stays the instance it was given.
    assertThat(a.name(2)).isNotSameAs(b.name(2)).isEqualTo(b.name(2));
    assertThat(a.get("x-request-id")).isEqualTo("req_1");
  }
}
