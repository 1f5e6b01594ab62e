package dev.chatwire.internal.call;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.chatwire.error.ApiError;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.internal.json.ErrorReader;
import dev.chatwire.sse.SseDecoder;
import dev.chatwire.transport.Headers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Collects an error response body, keeping at most {@link #MAX_BYTES} of it. An error sent as an
 * event stream is read from its first event that holds a known error shape.
 */
final class ErrorCollector {
  /** The most of an error body read; a longer one is cut there and its exchange cancelled. */
  static final int MAX_BYTES = 64 * 1024;

  private byte[] buf = new byte[512];
  private int size;

  /** Keeps what fits; returns false once the body reached {@link #MAX_BYTES}. */
  boolean append(ByteBuffer bytes) {
    int n = Math.min(bytes.remaining(), MAX_BYTES - size);
    if (n > 0) {
      if (size + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.min(MAX_BYTES, Math.max(buf.length * 2, size + n)));
      }
      bytes.get(buf, size, n);
      size += n;
    }
    return size < MAX_BYTES;
  }

  ChatWireException toException(int status, Headers headers, UnaryOperator<String> mask) {
    ApiError error = null;
    if (ContentTypes.isEventStream(headers)) error = fromEvents(mask);
    if (error == null) error = ApiErrors.parse(buf, 0, size, mask);
    if (status >= 300 && status < 400) error = redirect(error, headers.get("location"), mask);
    return ApiErrors.exception(status, error, headers, null);
  }

  /**
   * A redirect is never followed (a POST is not re-sent, the key never goes elsewhere): the error
   * says where the server pointed, so the caller can fix the base URL.
   */
  private static ApiError redirect(ApiError e, @Nullable String location, UnaryOperator<String> mask) {
    String where = location == null ? "no Location" : "Location " + mask.apply(location);
    String message = "a redirect to " + where + ", not followed: set the base URL it points to"
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    return new ApiError(message, e.getType(), e.getCode(), e.getParam(), e.getExtras(), e.getBody());
  }

  private @Nullable ApiError fromEvents(UnaryOperator<String> mask) {
    ApiError[] found = new ApiError[1];
    String body = new String(buf, 0, size, UTF_8);
    SseDecoder decoder = new SseDecoder((type, id, data, off, len) -> {
      if (found[0] == null) found[0] = ErrorReader.read(data, off, len, body, mask);
    });
    try {
      decoder.feed(buf, 0, size);
      decoder.end();
    } catch (RuntimeException e) {
      return null; // not an event stream after all: the plain parse keeps the text
    }
    return found[0];
  }
}
