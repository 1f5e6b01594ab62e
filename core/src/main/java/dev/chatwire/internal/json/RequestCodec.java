package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.chatwire.error.DecodeException;
import dev.chatwire.model.ChatCompletionRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ChatCompletionRequest} as the JSON body of {@code POST /chat/completions}, and
 * reads such a body back (for test servers and round trips).
 *
 * <p>The writer emits compact JSON in a fixed member order (model, messages, sampling, streaming,
 * tools, format, then extras), leaves out unset values and writes extras raw. The reader accepts
 * members in any order, keeps unknown members as extras at every level, and reports a wrong type
 * as a {@link DecodeException} with the member's path. Thread-safe: no state.
 */
public final class RequestCodec {
  private RequestCodec() {}

  /** The request as UTF-8 JSON bytes. */
  public static byte[] write(ChatCompletionRequest request) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator gen = JsonSupport.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
      RequestWriter.write(request, new JsonOut(gen));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The request as a JSON string (the same text as {@link #write}). */
  public static String writeString(ChatCompletionRequest request) {
    return new String(write(request), StandardCharsets.UTF_8);
  }

  /**
   * Reads a request from {@code buf[off, off+len)}.
   *
   * @throws DecodeException when the input is not a request: malformed JSON, a member of the
   *     wrong type, a missing {@code model}, or content after the document
   */
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
