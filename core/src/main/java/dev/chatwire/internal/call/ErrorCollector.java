package dev.chatwire.internal.call;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.transport.Headers;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Collects an error response body, keeping at most {@link #MAX_BYTES} of it. */
final class ErrorCollector {
  /** The most of an error body kept; the rest is read and dropped. */
  static final int MAX_BYTES = 64 * 1024;

  private byte[] buf = new byte[512];
  private int size;

  void append(ByteBuffer bytes) {
    int n = Math.min(bytes.remaining(), MAX_BYTES - size);
    if (n <= 0) return;
    if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.min(MAX_BYTES, Math.max(buf.length * 2, size + n)));
    bytes.get(buf, size, n);
    size += n;
  }

  ChatWireException toException(int status, Headers headers) {
    return ApiErrors.exception(status, ApiErrors.parse(buf, 0, size), headers, null);
  }
}
