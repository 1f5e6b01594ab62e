package dev.chatwire.internal.stream;

import org.jspecify.annotations.Nullable;

/**
 * One unknown member seen across the chunks of a stream, kept as raw JSON text and merged by a
 * {@link Mode}. JSON {@code null} is kept only until a value arrives; a value of another JSON kind
 * than the one held replaces it.
 *
 * <p>Strings and arrays grow in a {@link StringBuilder} (no quadratic copying); objects are merged
 * member by member in an {@link ObjectMerge}. Not thread-safe.
 */
final class MergedExtra {
  /** How successive values combine. */
  enum Mode {
    /** The first non-null value wins (top-level chunk members that repeat on every chunk). */
    FIRST,
    /**
     * Arrays are appended, objects merged member by member (the last value of each member wins),
     * other values: the last wins (choice members, which describe the choice so far).
     */
    LAST,
    /** As {@link #LAST}, and strings are concatenated (delta members are fragments). */
    FRAGMENTS
  }

  private final Mode mode;
  private char kind;
  private @Nullable String raw;
  // Strings (without quotes) or arrays (without brackets) joined from a second value on.
  private @Nullable StringBuilder joined;
  private @Nullable ObjectMerge object;

  MergedExtra(Mode mode) {
    this.mode = mode;
  }

  /** Merges the next value. */
  void add(String value) {
    char k = RawJson.kind(value);
    if (k == RawJson.NULL) {
      if (kind == 0) set(RawJson.NULL, value);
      return;
    }
    if (mode == Mode.FIRST) {
      if (kind == 0 || kind == RawJson.NULL) set(k, value);
      return;
    }
    if (k != kind) {
      set(k, value);
    } else if (k == RawJson.ARRAY) {
      appendArray(value);
    } else if (k == RawJson.OBJECT) {
      mergeObject(value);
    } else if (k == RawJson.STRING && mode == Mode.FRAGMENTS) {
      appendString(value);
    } else {
      set(k, value);
    }
  }

  /** The merged value as raw JSON text. */
  String value() {
    if (joined != null) {
      return kind == RawJson.ARRAY ? "[" + joined + "]" : "\"" + joined + "\"";
    }
    if (object != null) return object.toJson();
    return raw == null ? "null" : raw;
  }

  private void set(char k, String value) {
    kind = k;
    raw = value;
    joined = null;
    object = null;
  }

  private void appendArray(String value) {
    String body = RawJson.arrayBody(value);
    if (body.isEmpty()) return;
    StringBuilder b = joined;
    if (b == null) b = joined = new StringBuilder(RawJson.arrayBody(raw == null ? "[]" : raw));
    if (b.length() > 0) b.append(',');
    b.append(body);
  }

  private void appendString(String value) {
    StringBuilder b = joined;
    if (b == null) b = joined = new StringBuilder(RawJson.stringBody(raw == null ? "\"\"" : raw));
    b.append(RawJson.stringBody(value));
  }

  private void mergeObject(String value) {
    if (value.equals(raw)) return; // providers repeat the same object on every chunk
    ObjectMerge o = object;
    if (o == null) {
      o = new ObjectMerge();
      if (raw == null || !o.merge(raw)) {
        set(RawJson.OBJECT, value);
        return;
      }
      object = o;
    }
    if (o.merge(value)) {
      raw = value;
    } else {
      set(RawJson.OBJECT, value); // not an object we can read: keep it whole, last wins
    }
  }
}
