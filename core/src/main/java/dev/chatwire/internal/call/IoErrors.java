package dev.chatwire.internal.call;

import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectTimeoutException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.model.ChatCompletion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Maps a transport's I/O error to the typed exception a caller acts on, by the phase the attempt
 * was in (connecting, awaiting the head, reading the body) and the types in the cause chain that
 * {@link dev.chatwire.transport.WireEvents#error} documents; never by a class name or a message.
 * Every message names the host and port, and the real cause.
 */
final class IoErrors {
  private static final int MAX_DEPTH = 8;

  private IoErrors() {}

  static ChatWireException map(IOException e, dev.chatwire.Timeouts timeouts, URI uri,
      @Nullable ChatCompletion partial, boolean beforeConnect, boolean beforeResponse) {
    if (e.getClass() == InterruptedIOException.class && Thread.currentThread().isInterrupted()) {
      // A blocking read on this thread was interrupted (OkHttp reads on the caller's thread).
      return new CancelledException("interrupted while waiting for the response", partial);
    }
    String where = hostAndPort(uri);
    if (find(e, ProtocolException.class) != null) {
      return new ConnectionException(
          "the response from " + where + " is not valid HTTP (" + describe(e) + ")", e, partial);
    }
    if (beforeConnect && find(e, SocketTimeoutException.class) != null) {
      return new ConnectTimeoutException(timeouts.getConnect(), e, partial);
    }
    String what = beforeConnect ? "could not connect to " + where
        : beforeResponse ? "the connection to " + where + " failed before the response"
        : "the connection to " + where + " broke mid-response";
    return new ConnectionException(what + " (" + describe(e) + ")", e, partial);
  }

  /** Only what failed before any of the response arrived is retried; never a protocol error. */
  static boolean isRetryable(ChatWireException e, boolean beforeResponse) {
    if (!beforeResponse || e instanceof CancelledException) return false;
    return !(e instanceof ConnectionException) || find(e, ProtocolException.class) == null;
  }

  /** What failed, most telling cause first: an unknown host, a TLS failure, else the root cause. */
  static String describe(Throwable e) {
    Throwable unknownHost = find(e, UnknownHostException.class);
    if (unknownHost != null) return "unknown host" + detail(unknownHost);
    Throwable tls = find(e, SSLException.class);
    if (tls != null) return "TLS failed: " + name(tls);
    Throwable root = e;
    for (int i = 0; i < MAX_DEPTH && root.getCause() != null && root.getCause() != root; i++) {
      root = root.getCause();
    }
    return root == e || root.getMessage() == null ? name(e) : name(e) + ", caused by " + name(root);
  }

  private static String name(Throwable t) {
    return t.getClass().getSimpleName() + detail(t);
  }

  private static String detail(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isEmpty() ? "" : ": " + m;
  }

  static @Nullable Throwable find(Throwable e, Class<? extends Throwable> type) {
    Throwable t = e;
    for (int i = 0; t != null && i < MAX_DEPTH; i++) {
      if (type.isInstance(t)) return t;
      if (t.getCause() == t) break;
      t = t.getCause();
    }
    return null;
  }

  static String hostAndPort(URI uri) {
    int port = uri.getPort();
    if (port < 0) port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    String host = uri.getHost() == null ? "?" : uri.getHost();
    return host + ":" + port;
  }
}
