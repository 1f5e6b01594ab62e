package dev.chatwire;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.transport.HttpRequest;
import java.net.URI;
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

  @Test
  void aRequestWithALineBreakInAHeaderIsNotBuilt() {
    assertThatThrownBy(() -> HttpRequest.builder().uri(URI.create("http://h/"))
            .header("Authorization", "Bearer sk-abc\n").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("sk-abc");
  }
}
