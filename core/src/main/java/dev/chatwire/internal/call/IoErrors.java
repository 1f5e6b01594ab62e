package dev.chatwire.internal.call;

import dev.chatwire.Timeouts;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectTimeoutException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.model.ChatCompletion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Maps a transport's I/O error to the typed exception a caller acts on. */
final class IoErrors {
  private IoErrors() {}

  static ChatWireException map(
      IOException e, Timeouts timeouts, @Nullable ChatCompletion partial, boolean beforeResponse) {
    if (beforeResponse && isConnectTimeout(e)) {
      return new ConnectTimeoutException(timeouts.getConnect(), e, partial);
    }
    if (e.getClass() == InterruptedIOException.class && Thread.currentThread().isInterrupted()) {
      // A blocking read on this thread was interrupted (OkHttp reads on the caller's thread).
      return new CancelledException("interrupted while waiting for the response", partial);
    }
    String what = beforeResponse ? "the connection failed" : "the connection broke mid-response";
    String detail = e.getMessage();
    return new ConnectionException(
        what + " (" + e.getClass().getSimpleName() + (detail == null ? "" : ": " + detail) + ")",
        e, partial);
  }

  private static boolean isConnectTimeout(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      // By name: java.net.http is not on Android, where this class must still load.
      if (t.getClass().getName().equals("java.net.http.HttpConnectTimeoutException")) return true;
      // Netty's is a ConnectException, not a SocketTimeoutException; core knows no Netty.
      if (t.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")) return true;
      if (t instanceof SocketTimeoutException) {
        String m = t.getMessage();
        if (m != null && m.toLowerCase(Locale.ROOT).contains("connect")) return true;
      }
      if (t.getCause() == t) break;
    }
    return false;
  }
}
