package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writing helpers over a {@link JsonGenerator} that skip absent values and write unknown members
 * back as raw JSON text. I/O errors (only possible with a caller's stream) become unchecked.
 */
public final class JsonOut {
  private final JsonGenerator gen;

  /** Wraps a generator. */
  public JsonOut(JsonGenerator gen) {
    this.gen = gen;
  }

  /** The underlying generator. */
  public JsonGenerator gen() {
    return gen;
  }

  /** Runs one write step, turning an I/O error into an unchecked one. */
  public interface Step {
    /** Writes. */
    void run() throws IOException;
  }

  /** Runs {@code step}. */
  public void run(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code "name": "value"} when value is not null. */
  public void string(String name, @Nullable String value) {
    if (value != null) run(() -> gen.writeStringField(Utf16.wellFormed(name), Utf16.wellFormed(value)));
  }

  /** Writes {@code "name": value} when value is not null. */
  public void number(String name, @Nullable Number value) {
    if (value == null) return;
    run(() -> {
      gen.writeFieldName(name);
      if (value instanceof Integer) {
        gen.writeNumber(value.intValue());
      } else if (value instanceof Long) {
        gen.writeNumber(value.longValue());
      } else {
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new IllegalArgumentException(name + " is not a finite number (" + d
              + "), which JSON cannot hold");
        }
        gen.writeNumber(d);
      }
    });
  }

  /** Writes {@code "name": value} when value is not null. */
  public void bool(String name, @Nullable Boolean value) {
    if (value != null) run(() -> gen.writeBooleanField(name, value));
  }

  /** Writes {@code "name": null}. */
  public void nullField(String name) {
    run(() -> gen.writeNullField(name));
  }

  /** Writes a field name. */
  public void field(String name) {
    run(() -> gen.writeFieldName(Utf16.wellFormed(name)));
  }

  /** Writes a raw JSON value under a name. */
  public void rawField(String name, String rawJson) {
    run(() -> {
      gen.writeFieldName(Utf16.wellFormed(name));
      gen.writeRawValue(rawJson);
    });
  }

  /** Writes each unknown member back, unchanged. */
  public void extras(Map<String, String> extras) {
    for (Map.Entry<String, String> e : extras.entrySet()) rawField(e.getKey(), e.getValue());
  }

  /** Starts an object. */
  public void startObject() {
    run(gen::writeStartObject);
  }

  /** Ends an object. */
  public void endObject() {
    run(gen::writeEndObject);
  }

  /** Starts an array. */
  public void startArray() {
    run(gen::writeStartArray);
  }

  /** Ends an array. */
  public void endArray() {
    run(gen::writeEndArray);
  }
}
