package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.model.StopReason;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the small values the response models share: {@code created} (an integer, or a
 * float some proxies send), vLLM's string-or-integer {@code stop_reason}, and lists of integers.
 */
final class ValueJson {
  private ValueJson() {}

  /** The current {@code created} value in seconds: a float is truncated, JSON null is null. */
  static @Nullable Long created(JsonIn in) {
    return in.token() == JsonToken.VALUE_NULL ? null : createdSeconds(in);
  }

  /** The current non-null {@code created} value in seconds: a float is truncated. */
  static long createdSeconds(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      Double d = in.doubleOrNull();
      if (d == null || d.isNaN() || d.isInfinite() || Math.abs(d) >= 0x1p63) {
        throw in.error("number out of range");
      }
      return d.longValue();
    }
    if (t != JsonToken.VALUE_NUMBER_INT) throw in.typeError("a number");
    return in.longOr(0);
  }

  /**
   * The text to keep for the current {@code created} after {@link #created}: the exact number
   * text for a float, else null.
   */
  static @Nullable String createdText(JsonIn in) {
    return in.token() == JsonToken.VALUE_NUMBER_FLOAT ? in.raw() : null;
  }

  /** Writes {@code created} as it came: nothing when absent, the kept text, else the integer. */
  static void writeCreated(JsonOut out, @Nullable Long created, @Nullable String text) {
    if (created == null) return;
    if (text == null) {
      out.number("created", created);
    } else {
      out.run(() -> {
        out.gen().writeFieldName("created");
        out.gen().writeNumber(text);
      });
    }
  }

  /** The current {@code stop_reason}: null, a stop string or a stop token id. */
  static @Nullable StopReason stopReason(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t == JsonToken.VALUE_STRING) return StopReason.ofText(in.stringOrNull());
    if (t == JsonToken.VALUE_NUMBER_INT) return StopReason.ofTokenId(in.longOr(0));
    throw in.typeError("a string or an integer");
  }

  /** Writes {@code stop_reason} when present, as a string or an integer. */
  static void writeStopReason(JsonOut out, @Nullable StopReason reason) {
    if (reason == null) return;
    Long id = reason.getTokenId();
    if (id != null) out.number("stop_reason", id);
    else out.string("stop_reason", reason.getText());
  }

  /** The current array of integers, or null for JSON null. */
  static @Nullable List<Integer> intList(JsonIn in) {
    if (!in.beginArrayOrNull()) return null;
    List<Integer> list = new ArrayList<>();
    while (in.nextElement()) {
      if (in.isNull()) throw in.typeError("an integer");
      list.add(in.intOr(0));
    }
    return list;
  }

  /** Writes an integer array, or {@code null} when the list is null. */
  static void writeIntList(JsonOut out, String name, @Nullable List<Integer> list) {
    if (list == null) {
      out.nullField(name);
      return;
    }
    out.run(() -> {
      out.gen().writeFieldName(name);
      out.gen().writeStartArray();
      for (Integer v : list) out.gen().writeNumber(v);
      out.gen().writeEndArray();
    });
  }
}
