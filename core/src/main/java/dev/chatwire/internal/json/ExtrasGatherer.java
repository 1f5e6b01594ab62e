package dev.chatwire.internal.json;

import dev.chatwire.internal.Maps;
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
  private final Map<String, String> more = new LinkedHashMap<>(4);
  private boolean many;

  /** Starts a new object. */
  void clear() {
    firstName = null;
    firstRaw = null;
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
        return;
      }
      more.clear();
      more.put(first, firstRaw);
      many = true;
    }
    more.put(name, raw);
  }

  /** An unmodifiable copy of what was gathered since {@link #clear()}; the shared empty map when none. */
  Map<String, String> copy() {
    if (many) return Maps.copy(more);
    String name = firstName;
    return name == null ? Collections.emptyMap() : Collections.singletonMap(name, firstRaw);
  }
}
