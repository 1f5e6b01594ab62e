package dev.chatwire.internal.json;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An open value ({@code role}, {@code finish_reason}, {@code service_tier}) read from a string
 * member that tends to repeat chunk after chunk: while the text stays the same, the same value
 * instance is returned and no String is made. Not thread-safe.
 */
final class ReusedValue<T> {
  private final Function<String, T> of;
  private final ReusedString text = new ReusedString();
  private @Nullable String source;
  private @Nullable T value;

  ReusedValue(Function<String, T> of) {
    this.of = of;
  }

  /** The value of the current string, or null for JSON null. */
  @Nullable T read(JsonIn in) {
    String s = in.stringOrNullReusing(text);
    if (s == null) return null;
    T v = value;
    if (s != source || v == null) {
      value = v = of.apply(s);
      source = s;
    }
    return v;
  }
}
