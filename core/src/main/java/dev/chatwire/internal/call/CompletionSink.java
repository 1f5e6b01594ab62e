package dev.chatwire.internal.call;

import dev.chatwire.error.ApiError;
import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.ErrorReader;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Collects a non-streaming response body and reads the completion from it. A server that
 * streams anyway ({@code text/event-stream}) is accumulated; a 200 body that is a provider error
 * ends the call with that error.
 */
public final class CompletionSink implements BodySink<ChatCompletion> {
  /** The largest completion body accepted. */
  public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private byte[] buf = new byte[8192];
  private int size;
  private int status;
  private Headers headers = Headers.EMPTY;
  private volatile @Nullable StreamSink events;
  private final UnaryOperator<String> mask;

  /** A sink whose error bodies are kept as they came. */
  public CompletionSink() {
    this(UnaryOperator.identity());
  }

  /** A sink whose error bodies pass through {@code mask}, which hides the caller's key. */
  public CompletionSink(UnaryOperator<String> mask) {
    this.mask = mask;
  }

  @Override
  public void onResponse(int status, Headers headers) {
    this.status = status;
    this.headers = headers;
    if (ContentTypes.isEventStream(headers)) {
      StreamSink s = new StreamSink(chunk -> {}, mask);
      s.onResponse(status, headers);
      events = s;
    }
  }

  @Override
  public void onBytes(ByteBuffer bytes, long nowNanos) {
    StreamSink s = events;
    if (s != null) {
      s.onBytes(bytes, nowNanos);
      return;
    }
    int n = bytes.remaining();
    if ((long) size + n > MAX_BODY_BYTES) {
      throw new DecodeException(
          "response body size (" + ((long) size + n) + ") exceeds the allowed maximum ("
              + MAX_BODY_BYTES + ")", "", size, -1, null);
    }
    if (size + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
    bytes.get(buf, size, n);
    size += n;
  }

  @Override
  public ChatCompletion onEnd() {
    StreamSink s = events;
    if (s != null) return s.onEnd();
    ChatCompletion c;
    try {
      c = ChatJson.readCompletion(buf, 0, size);
    } catch (DecodeException e) {
      throwIfError();
      throw e;
    }
    // Only a body without choices can be an error; a completion is never parsed twice.
    if (c.getChoices().isEmpty()) throwIfError();
    return c;
  }

  private void throwIfError() {
    ApiError error = ErrorReader.read(buf, 0, size, mask);
    if (error != null) throw ApiErrors.exception(status, error, headers, null);
  }

  @Override
  public @Nullable ChatCompletion partial() {
    StreamSink s = events;
    return s == null ? null : s.partial();
  }
}
