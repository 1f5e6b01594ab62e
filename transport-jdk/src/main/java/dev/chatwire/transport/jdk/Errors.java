package dev.chatwire.transport.jdk;

import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns what java.net.http completes with into the {@link IOException} a handler receives. */
final class Errors {
  private Errors() {}

  static IOException toIoException(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof IOException) return (IOException) cause;
    return new IOException("java.net.http failed: " + cause.getClass().getName(), cause);
  }
}
