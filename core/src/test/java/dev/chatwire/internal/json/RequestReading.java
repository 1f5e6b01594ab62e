package dev.chatwire.internal.json;

import dev.chatwire.error.DecodeException;
import dev.chatwire.model.ChatCompletionRequest;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body back, for round-trip tests of {@link RequestCodec}: members in any order,
 * unknown members kept as extras at every level, a wrong type a {@link DecodeException} with the
 * member's path. Test code only: no production code reads a request.
 */
public final class RequestReading {
  private RequestReading() {}

  /** Reads a request from {@code buf[off, off+len)}. */
  public static ChatCompletionRequest read(byte[] buf, int off, int len) {
    JsonIn in = JsonIn.open(buf, off, len, -1);
    ChatCompletionRequest request = RequestReader.request(in);
    in.requireEnd();
    return request;
  }

  /** Reads a request from a whole byte array. */
  public static ChatCompletionRequest read(byte[] json) {
    return read(json, 0, json.length);
  }

  /** Reads a request from a JSON string. */
  public static ChatCompletionRequest read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }
}
