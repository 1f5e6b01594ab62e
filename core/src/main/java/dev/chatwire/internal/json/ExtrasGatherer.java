package dev.chatwire.internal.json;

import dev.chatwire.internal.Maps;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The unknown members of the object being read, gathered for one stream and copied out once per
 * object. The first member is held in two fields, so the common case (one provider member, such
 * as OpenAI's {@code obfuscation} on every chunk) costs no map entry; more go to a map kept for
 * the stream. Insertion order is kept and a repeated name keeps its place with the last value, as
 * in a {@link LinkedHashMap}. Not thread-safe.
 */
final class ExtrasGatherer {
  private @Nullable String firstName;
  private @Nullable String firstRaw;
  /** The first member's raw bytes, when it was put by {@link #putRaw} (then firstRaw is null). */
  private byte @Nullable [] firstBytes;
  private final Map<String, String> more = new LinkedHashMap<>(4);
  private boolean many;

  /** Starts a new object. */
  void clear() {
    firstName = null;
    firstRaw = null;
    firstBytes = null;
    if (many) {
      more.clear();
      many = false;
    }
  }

  void put(String name, String raw) {
    if (!many) {
      String first = firstName;
      if (first == null || first.equals(name)) {
        firstName = name;
        firstRaw = raw;
        firstBytes = null;
        return;
      }
      spill(first);
    }
    more.put(name, raw);
  }

  /**
   * Puts the current value of {@code in} as raw JSON; the first member is kept as bytes, so that
   * an object with one unknown member costs no String until its value is read.
   */
  void putRaw(String name, JsonIn in) {
    if (!many) {
      String first = firstName;
      if (first == null || first.equals(name)) {
        firstName = name;
        firstRaw = null;
        firstBytes = in.rawBytes();
        return;
      }
      spill(first);
    }
    more.put(name, in.raw());
  }

  // A second name came: the first member moves to the map.
  private void spill(String first) {
    byte[] bytes = firstBytes;
    String raw = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : firstRaw;
    more.clear();
    more.put(first, raw);
    firstBytes = null;
    many = true;
  }

  /** An unmodifiable copy of what was gathered since {@link #clear()}; the shared empty map when none. */
  Map<String, String> copy() {
    if (many) return Maps.copy(more);
    String name = firstName;
    if (name == null) return Collections.emptyMap();
    byte[] bytes = firstBytes;
    return bytes != null ? new OneRawExtra(name, bytes) : Collections.singletonMap(name, firstRaw);
  }
}
