package dev.chatwire.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@code toString()} of request models: absent and empty values are left out and long
 * strings (base64 images, audio, whole documents) are abbreviated, so a request stays readable.
 */
final class ToStrings {
  /** Strings longer than this are abbreviated. */
  static final int MAX_LENGTH = 120;
  private static final int KEEP = 48;

  private final StringBuilder sb;
  private boolean first = true;

  ToStrings(String type) {
    sb = new StringBuilder(type).append('{');
  }

  /** Appends {@code name=value} unless the value is null or an empty collection or map. */
  ToStrings add(String name, @Nullable Object value) {
    if (value == null) return this;
    if (value instanceof Collection && ((Collection<?>) value).isEmpty()) return this;
    if (value instanceof Map && ((Map<?, ?>) value).isEmpty()) return this;
    if (!first) sb.append(", ");
    first = false;
    sb.append(name).append('=');
    if (value instanceof String) {
      sb.append(abbreviate((String) value));
    } else if (value instanceof Map) {
      Map<Object, Object> shown = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        Object v = e.getValue();
        shown.put(e.getKey(), v instanceof String ? abbreviate((String) v) : v);
      }
      sb.append(shown);
    } else {
      sb.append(value);
    }
    return this;
  }

  /** The string itself when short, else its start and its length. */
  static String abbreviate(String s) {
    if (s.length() <= MAX_LENGTH) return s;
    int keep = Character.isHighSurrogate(s.charAt(KEEP - 1)) ? KEEP - 1 : KEEP;
    return s.substring(0, keep) + "...(" + s.length() + " chars)";
  }

  @Override
  public String toString() {
    return sb.toString() + '}';
  }
}
