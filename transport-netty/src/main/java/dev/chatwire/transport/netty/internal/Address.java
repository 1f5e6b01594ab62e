package dev.chatwire.transport.netty.internal;

import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where a request goes: scheme, host and port; the key of a connection pool. */
final class Address {
  private final boolean secure;
  private final String host;
  private final int port;

  private Address(boolean secure, String host, int port) {
    this.secure = secure;
    this.host = host;
    this.port = port;
  }

  /**
   * The address of {@code uri}.
   *
   * @throws IllegalArgumentException for a scheme other than http and https, or no host
   */
  static Address of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean secure;
    if (scheme.equals("https")) {
      secure = true;
    } else if (scheme.equals("http")) {
      secure = false;
    } else {
      throw new IllegalArgumentException("unsupported URI scheme: " + scheme);
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) throw new IllegalArgumentException("URI has no host");
    if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
    int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
    return new Address(secure, host.toLowerCase(Locale.ROOT), port);
  }

  boolean isSecure() {
    return secure;
  }

  /** The host name or IP literal, without brackets. */
  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** The {@code Host} field: the port only when it is not the scheme's default. */
  String hostHeader() {
    String h = host.indexOf(':') >= 0 ? '[' + host + ']' : host;
    return port == (secure ? 443 : 80) ? h : h + ':' + port;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Address)) return false;
    Address a = (Address) o;
    return secure == a.secure && port == a.port && host.equals(a.host);
  }

  @Override
  public int hashCode() {
    return (host.hashCode() * 31 + port) * 2 + (secure ? 1 : 0);
  }

  @Override
  public String toString() {
    return (secure ? "https://" : "http://") + hostHeader();
  }
}
