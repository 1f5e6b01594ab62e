package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.transport.jdk.internal.DeferredTls;
import java.security.KeyManagementException;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The stand-in TLS context of the transport's own client; its exchanges are in
 * {@link JdkTransportTest} (plain http) and {@link JdkTransportTlsTest} (https).
 */
class JdkDeferredTlsTest {
  @Test
  void theCallersProtocolsTurnItOff() {
    assertThat(DeferredTls.applies(null)).isTrue();
    assertThat(DeferredTls.applies(" ")).isTrue();
    assertThat(DeferredTls.applies("TLSv1.2")).isFalse();
  }

  @Test
  void itCannotBeInitializedByTheCallerAndHandsQuestionsToTheRealContext() throws Exception {
    SSLContext real = SSLContext.getInstance("TLS");
    real.init(null, null, null);
    DeferredTls tls = DeferredTls.of(() -> real);

    assertThatThrownBy(() -> tls.init(null, null, null))
        .isInstanceOf(KeyManagementException.class);
    assertThat(tls.made()).isFalse();
    assertThat(tls.getSupportedSSLParameters().getProtocols())
        .containsExactly(real.getSupportedSSLParameters().getProtocols());
    assertThat(tls.getClientSessionContext()).isSameAs(real.getClientSessionContext());
    assertThat(tls.made()).isTrue();
  }
}
