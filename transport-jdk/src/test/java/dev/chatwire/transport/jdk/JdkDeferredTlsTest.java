package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.transport.jdk.internal.DeferredTls;
import java.io.UncheckedIOException;
import java.security.KeyManagementException;
import java.security.Security;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;

/**
 * The stand-in TLS context of the transport's own client; its exchanges are in
 * {@link JdkTransportTest} (plain http) and {@link JdkTransportTlsTest} (https).
 */
class JdkDeferredTlsTest {
  private static final String POLICY = "SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES, MD5withRSA";

  @Test
  void itAppliesOnlyWhereTheDefaultContextEnablesJustTls13And12() {
    assertThat(DeferredTls.applies(null, POLICY)).isTrue();
    assertThat(DeferredTls.applies(" ", POLICY)).isTrue();
    assertThat(DeferredTls.applies("TLSv1.2", POLICY)).as("the caller's protocols").isFalse();
    assertThat(DeferredTls.applies(null, "SSLv3, TLSv1.1, RC4")).as("TLS 1.0 enabled").isFalse();
    assertThat(DeferredTls.applies(null, "SSLv3, TLSv1, RC4")).as("TLS 1.1 enabled").isFalse();
    assertThat(DeferredTls.applies(null, "DTLSv1.0, TLSv1.10")).isFalse();
    assertThat(DeferredTls.applies(null, null)).isFalse();
  }

  @Test
  void itsProtocolsAreTheDefaultContextsWhereItApplies() throws Exception {
    if (!DeferredTls.applies(System.getProperty("jdk.tls.client.protocols"),
        Security.getProperty("jdk.tls.disabledAlgorithms"))) {
      return; // this JVM's policy keeps the eager default: nothing to compare
    }
    assertThat(DeferredTls.parameters().getProtocols())
        .containsExactly(SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
    assertThat(DeferredTls.parameters().getCipherSuites()).isNull();
  }

  @Test
  void itMakesTheRealContextOnceAndHandsItEveryQuestion() throws Exception {
    SSLContext real = SSLContext.getInstance("TLS");
    real.init(null, null, null);
    AtomicInteger made = new AtomicInteger();
    DeferredTls tls = DeferredTls.of(() -> {
      made.incrementAndGet();
      return real;
    });

    assertThatThrownBy(() -> tls.init(null, null, null))
        .isInstanceOf(KeyManagementException.class);
    assertThat(tls.made()).isFalse();
    assertThat(tls.createSSLEngine("example.com", 443).getPeerHost()).isEqualTo("example.com");
    tls.createSSLEngine();
    assertThat(tls.getSupportedSSLParameters().getProtocols())
        .containsExactly(real.getSupportedSSLParameters().getProtocols());
    assertThat(tls.getClientSessionContext()).isSameAs(real.getClientSessionContext());
    assertThat(tls.made()).isTrue();
    assertThat(made).hasValue(1);
  }

  @Test
  void aContextThatCannotBeMadeIsATlsFailureOfThatUse() {
    DeferredTls tls = DeferredTls.of(() -> {
      throw new IllegalStateException("keystore password was incorrect");
    });

    assertThatThrownBy(() -> tls.createSSLEngine("example.com", 443))
        .isInstanceOf(UncheckedIOException.class)
        .cause()
        .isInstanceOf(SSLException.class)
        .hasMessage("the JDK's default TLS context could not be made")
        .cause()
        .hasMessage("keystore password was incorrect");
    assertThat(tls.made()).isFalse();
  }
}
