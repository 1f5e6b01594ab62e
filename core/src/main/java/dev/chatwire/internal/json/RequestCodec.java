package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.chatwire.model.ChatCompletionRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link ChatCompletionRequest} as the JSON body of {@code POST /chat/completions}.
 *
 * <p>The writer emits compact JSON in a fixed member order (model, messages, sampling, streaming,
 * tools, format, then extras), leaves out unset values and writes extras raw. Thread-safe: no
 * state. (The request reader that round-trip tests use lives with the tests: no production code
 * reads a request.)
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
}
