package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs a writer into UTF-8 JSON: a String, a byte array, or a caller's stream (left open). */
public final class JsonText {
  /** Writes one JSON document. */
  public interface Body {
    /** Writes to {@code out}. */
    void write(JsonOut out);
  }

  private JsonText() {}

  /** The document as a String. */
  public static String string(Body body) {
    return new String(bytes(body), StandardCharsets.UTF_8);
  }

  /** The document as UTF-8 bytes. */
  public static byte[] bytes(Body body) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
    writeTo(buf, body);
    return buf.toByteArray();
  }

  /** Writes the document to {@code stream}, flushed and not closed. */
  public static void writeTo(OutputStream stream, Body body) {
    try (JsonGenerator gen = JsonSupport.FACTORY.createGenerator(stream, JsonEncoding.UTF8)) {
      gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      body.write(new JsonOut(gen));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
