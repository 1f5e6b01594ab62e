package dev.chatwire.transport.netty.internal;

import io.netty.handler.codec.DecoderException;
import java.io.IOException;

/** Turns what Netty fails with into the {@link IOException} a handler receives. */
final class Errors {
  private Errors() {}

  static IOException toIoException(Throwable error) {
    Throwable cause = error;
    // The codecs wrap what broke underneath them (TLS, mostly) in a DecoderException.
    while (cause instanceof DecoderException && cause.getCause() instanceof IOException) {
      cause = cause.getCause();
    }
    if (cause instanceof IOException) return (IOException) cause;
    String detail = cause.getMessage();
    return new IOException("Netty failed: " + cause.getClass().getName()
        + (detail == null ? "" : ": " + detail), cause);
  }
}
