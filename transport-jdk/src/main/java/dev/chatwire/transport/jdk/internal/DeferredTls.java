package dev.chatwire.transport.jdk.internal;

import java.io.UncheckedIOException;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
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
 * one, made on the first call (the first {@code https} connection); a default context that cannot
 * be made (a wrong key store password, say) fails that connection with an {@link SSLException}.
 * The parameters the client is built with name TLS 1.3 and 1.2: the JDK offers HTTP/2 by ALPN
 * only when they name one of those, and builds its default parameters from the context, which
 * would make it at once. Cipher suites are left unset, so each engine keeps the default
 * context's.
 *
 * <p>{@link #applies} says when those two protocols are the default context's own: when the
 * caller has not chosen the client protocols ({@code jdk.tls.client.protocols}) and the security
 * policy disables TLS 1.0 and 1.1 ({@code jdk.tls.disabledAlgorithms}, as every JDK since 11.0.11
 * and 16 does). Otherwise the client takes the default context at once, as the JDK does.
 */
public final class DeferredTls extends SSLContext {
  /** What the default client context enables once TLS 1.0 and 1.1 are disabled. */
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final Spi spi;

  private DeferredTls(Spi spi) {
    // No provider: looking one up loads the security providers, which is what this defers.
    super(spi, null, "Default");
    this.spi = spi;
  }

  /**
   * Whether a client may defer its TLS context: the caller has not chosen the client protocols
   * ({@code clientProtocols}, the {@code jdk.tls.client.protocols} property) and the security
   * policy ({@code disabledAlgorithms}, the {@code jdk.tls.disabledAlgorithms} security
   * property) disables TLS 1.0 and 1.1, so that the default context enables TLS 1.3 and 1.2.
   */
  public static boolean applies(@Nullable String clientProtocols,
      @Nullable String disabledAlgorithms) {
    if (clientProtocols != null && !clientProtocols.isBlank()) return false;
    if (disabledAlgorithms == null) return false;
    boolean tls10 = false;
    boolean tls11 = false;
    for (String entry : disabledAlgorithms.split(",")) {
      String name = entry.trim();
      if (name.equalsIgnoreCase("TLSv1")) tls10 = true;
      if (name.equalsIgnoreCase("TLSv1.1")) tls11 = true;
    }
    return tls10 && tls11;
  }

  /** A context that makes the JDK's default one on first use. */
  public static DeferredTls ofDefault() {
    return new DeferredTls(new Spi(() -> {
      try {
        return SSLContext.getDefault();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }));
  }

  /** A context that takes {@code real} on first use; a supplier that throws fails that use. */
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
        // Threads racing here may each ask; the JDK's default context is one object either way.
        try {
          r = make.get();
        } catch (RuntimeException e) {
          throw new UncheckedIOException(
              new SSLException("the JDK's default TLS context could not be made", e));
        }
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
