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
  /** The created text that marks an absent member. */
  static final String ABSENT = "";

  private ValueJson() {}

  /** The current {@code created} value in seconds: a float is truncated, null is 0. */
  static long created(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      Double d = in.doubleOrNull();
      if (d == null || d.isNaN() || d.isInfinite() || Math.abs(d) >= 0x1p63) {
        throw in.error("number out of range");
      }
      return d.longValue();
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NULL) throw in.typeError("a number");
    return in.longOr(0);
  }

  /**
   * The text to keep for the current {@code created} after {@link #created}: null for an
   * integer, {@link #ABSENT} for null, the exact number text for a float.
   */
  static @Nullable String createdText(JsonIn in) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_NULL) return ABSENT;
    return t == JsonToken.VALUE_NUMBER_FLOAT ? in.raw() : null;
  }

  /** Writes {@code created} as it came: the kept text, nothing when absent, else the integer. */
  static void writeCreated(JsonOut out, long created, @Nullable String text) {
    if (text == null) {
      out.number("created", created);
    } else if (!text.isEmpty()) {
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
