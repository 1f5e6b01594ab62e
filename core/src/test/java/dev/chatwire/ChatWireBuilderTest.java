package dev.chatwire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import org.junit.jupiter.api.Test;

class ChatWireBuilderTest {
  static final Transport IDLE = new Transport() {
    @Override
    public Wire open(HttpRequest request, WireEvents events) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  };

  @Test
  void aDockerComposeHostNameWithAnUnderscoreIsAccepted() {
    ChatWire c = ChatWire.builder().transport(IDLE).baseUrl("http://vllm_server:8000/v1/").build();
    assertThat(c.getBaseUrl()).isEqualTo("http://vllm_server:8000/v1");
  }

  @Test
  void aBaseUrlMustBeAbsoluteHttp() {
    assertThatThrownBy(() -> ChatWire.builder().baseUrl("/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s)");
    assertThatThrownBy(() -> ChatWire.builder().baseUrl("ftp://example.com/v1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s)");
    assertThatThrownBy(() -> ChatWire.builder().baseUrl("http://exa mple.com"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid URL");
  }

  @Test
  void toStringNeverShowsTheKey() {
    ChatWire c = ChatWire.builder().transport(IDLE).apiKey("sk-very-secret-key-123").build();
    assertThat(c.toString()).doesNotContain("sk-very-secret-key-123").contains("██");
    assertThat(ChatWire.builder().apiKey("sk-very-secret-key-123").toString())
        .doesNotContain("sk-very-secret-key-123");
  }
}
