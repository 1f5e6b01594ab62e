package dev.chatwire.transport.jdk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what java.net.http completes with into the typed cause core reads: the JDK reports a
 * refused port and an unknown host alike as a bare {@link ConnectException}, with the difference
 * only in its cause.
 */
final class Errors {
  private Errors() {}

  static IOException toIoException(Throwable error, URI uri) {
    Throwable cause = error;
    // An unchecked wrapper of an I/O failure (a TLS context that could not be made) says nothing.
    while ((cause instanceof CompletionException || cause instanceof ExecutionException
        || cause instanceof UncheckedIOException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof HttpConnectTimeoutException) {
      return typed(new SocketTimeoutException("connect timed out (the HttpClient's own timeout)"),
          cause);
    }
    if (cause instanceof ConnectException && cause.getMessage() == null) {
      Throwable inner = cause.getCause();
      if (inner instanceof UnresolvedAddressException) {
        return typed(new UnknownHostException(uri.getHost()), cause);
      }
      if (inner instanceof ClosedChannelException) {
        // The JDK closes the channel when the connect is refused and keeps only that.
        return typed(new ConnectException("Connection refused"), cause);
      }
    }
    if (cause instanceof IOException) return (IOException) cause;
    return new IOException("java.net.http failed: " + cause.getClass().getName(), cause);
  }

  /**
   * What {@link java.net.http.HttpClient#send} failed with: it throws a copy of the exchange's
   * failure (of its class or a superclass, {@code IOException} for anything else) with the
   * failure as the cause, which is then read as {@code sendAsync}'s would be.
   */
  static IOException fromSend(IOException thrown, URI uri) {
    Throwable cause = thrown.getCause();
    return toIoException(cause != null ? cause : thrown, uri);
  }

  /** java.net.http refused to send the request: named by class, as its message may quote it. */
  static IOException refused(RuntimeException e) {
    return new IOException("java.net.http refused the request: " + e.getClass().getName(), e);
  }

  private static IOException typed(IOException typed, Throwable cause) {
    typed.initCause(cause);
    return typed;
  }
}
