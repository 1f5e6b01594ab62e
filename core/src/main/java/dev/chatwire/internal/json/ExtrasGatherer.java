package dev.chatwire.internal.json;

import dev.chatwire.internal.Maps;
import dev.chatwire.internal.OneRawExtra;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The unknown members of the object being read, gathered for one stream and copied out once per
 * object. The first member is held in fields (as bytes when it was put raw), so the common case
 * (one provider member, such as OpenAI's {@code obfuscation} on every chunk) costs no map entry;
 * more go to a map kept for the stream. Insertion order is kept and a repeated name keeps its place with the last value, as
 * in a {@link LinkedHashMap}. Not thread-safe.
 */
final class ExtrasGatherer {
  private @Nullable String firstName;
  private @Nullable String firstRaw;
  /** The first member's raw bytes, when it was put by {@link #putRaw} (then firstRaw is null). */
  private byte @Nullable [] firstBytes;
  /** The members once there are two or more names; made then (most objects never need it). */
  private @Nullable Map<String, String> more;
  private boolean many;

  /** Starts a new object. */
  void clear() {
    firstName = null;
    firstRaw = null;
    firstBytes = null;
    if (many) {
      more().clear();
      many = false;
    }
  }

  void put(String name, String raw) {
    if (takesFirst(name)) {
      firstRaw = raw;
      firstBytes = null;
    } else {
      more().put(name, raw);
    }
  }

  /**
   * Puts the current value of {@code in} as raw JSON; the first member is kept as bytes, so that
   * an object with one unknown member costs no String until its value is read.
   */
  void putRaw(String name, JsonIn in) {
    if (takesFirst(name)) {
      firstRaw = null;
      firstBytes = in.rawBytes();
    } else {
      more().put(name, in.raw());
    }
  }

  // Whether name is (again) the first member, held in the fields; false: it goes to the map.
  private boolean takesFirst(String name) {
    if (many) return false;
    String first = firstName;
    if (first == null || first.equals(name)) {
      firstName = name;
      return true;
    }
    spill(first);
    return false;
  }

  // A second name came: the first member moves to the map.
  private void spill(String first) {
    byte[] bytes = firstBytes;
    String raw = bytes != null ? new String(bytes, StandardCharsets.UTF_8) : firstRaw;
    Map<String, String> m = more;
    if (m == null) {
      m = more = new LinkedHashMap<>(4);
    } else {
      m.clear();
    }
    m.put(first, raw);
    firstBytes = null;
    many = true;
  }

  private Map<String, String> more() {
    Map<String, String> m = more;
    if (m == null) throw new IllegalStateException("no second member yet");
    return m;
  }

  /** An unmodifiable copy of what was gathered since {@link #clear()}; the shared empty map when none. */
  Map<String, String> copy() {
    if (many) return Maps.copy(more());
    String name = firstName;
    if (name == null) return Collections.emptyMap();
    byte[] bytes = firstBytes;
    return bytes != null ? new OneRawExtra(name, bytes) : Collections.singletonMap(name, firstRaw);
  }
}
