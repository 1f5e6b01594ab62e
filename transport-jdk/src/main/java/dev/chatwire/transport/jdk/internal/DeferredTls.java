package dev.chatwire.transport.jdk.internal;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The JDK's default TLS context, made on first use instead of when the client is built.
 *
 * <p>{@code HttpClient.Builder.build()} takes {@code SSLContext.getDefault()} and its default
 * parameters at once when it is given no context: the security providers, the key and trust
 * managers and the parsed {@code cacerts}, about 190 ms of a cold start here, which a client of
 * a plain-http server (a local model) never uses. This context hands every call to the default
 * one, made on the first call (the first {@code https} connection). The parameters the client is
 * built with name the protocols the JDK's default client context enables (TLS 1.3 and 1.2): the
 * JDK offers HTTP/2 by ALPN only when they name one of those, and builds its default parameters
 * from the context, which would make it at once. Cipher suites are left unset, so each engine
 * keeps the default context's.
 *
 * <p>Not used when {@code jdk.tls.client.protocols} is set: the default context's protocols are
 * then the caller's, which only the context itself knows.
 */
public final class DeferredTls extends SSLContext {
  /** TLS 1.3 and 1.2, what the JDK's default client context enables since Java 11. */
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final Spi spi;

  private DeferredTls(Spi spi) {
    // No provider: looking one up loads the security providers, which is what this defers.
    super(spi, null, "Default");
    this.spi = spi;
  }

  /** Whether a client may defer its TLS context: false when the caller chose the protocols. */
  public static boolean applies(@Nullable String clientProtocolsProperty) {
    return clientProtocolsProperty == null || clientProtocolsProperty.isBlank();
  }

  /** A context that makes the JDK's default one on first use. */
  public static DeferredTls ofDefault() {
    return new DeferredTls(new Spi(() -> {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("the JDK's default TLS context could not be made", e);
      }
    }));
  }

  /** A context that takes {@code real} on first use. */
  public static DeferredTls of(Supplier<SSLContext> real) {
    return new DeferredTls(new Spi(real));
  }

  /** The parameters to build the client with, so that it does not ask the context for them. */
  public static SSLParameters parameters() {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(PROTOCOLS.clone());
    return parameters;
  }

  /** Whether the real context has been made. */
  public boolean made() {
    return spi.real != null;
  }

  private static final class Spi extends SSLContextSpi {
    private final Supplier<SSLContext> make;
    private volatile @Nullable SSLContext real;

    Spi(Supplier<SSLContext> make) {
      this.make = make;
    }

    private SSLContext real() {
      SSLContext r = real;
      if (r == null) {
        // Racing threads may both ask; the JDK's default context is one object either way.
        r = make.get();
        real = r;
      }
      return r;
    }

    @Override
    protected void engineInit(
        KeyManager @Nullable [] km, TrustManager @Nullable [] tm, @Nullable SecureRandom random)
        throws KeyManagementException {
      throw new KeyManagementException("the default TLS context is initialized by the JDK");
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return real().getSocketFactory();
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return real().getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return real().createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      return real().createSSLEngine(host, port);
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return real().getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return real().getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return real().getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return real().getSupportedSSLParameters();
    }
  }
}
