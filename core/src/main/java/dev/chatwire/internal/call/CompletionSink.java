package dev.chatwire.internal.call;

import dev.chatwire.error.DecodeException;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Collects a non-streaming response body and reads the completion from it. */
public final class CompletionSink implements BodySink<ChatCompletion> {
  /** The largest completion body accepted. */
  public static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private byte[] buf = new byte[8192];
  private int size;

  @Override
  public void onResponse(int status, Headers headers) {}

  @Override
  public void onBytes(ByteBuffer bytes) {
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
    return ChatJson.readCompletion(buf, 0, size);
  }

  @Override
  public @Nullable ChatCompletion partial() {
    return null;
  }
}
