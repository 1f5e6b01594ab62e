package dev.chatwire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestHeadersTest {
  @Test
  void anOptionHeaderValueWithALineBreakIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> RequestOptions.builder().header("X-Trace", "a\r\nX-Injected: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("X-Trace")
        .hasMessageNotContaining("Injected");
  }

  @Test
  void aDefaultHeaderNameWithASpaceIsRejected() {
    assertThatThrownBy(() -> ChatWire.builder().defaultHeader("X Trace", "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
