package dev.chatwire.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Immutable copies for model builders (Android 26 has no {@code List.copyOf}/{@code Map.copyOf}). */
public final class Maps {
  private Maps() {}

  /** An unmodifiable, insertion-ordered copy; the shared empty map when empty. */
  public static <K, V> Map<K, V> copy(Map<K, V> map) {
    if (map.isEmpty()) return Collections.emptyMap();
    if (map.size() == 1) {
      Map.Entry<K, V> e = map.entrySet().iterator().next();
      return Collections.singletonMap(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** An unmodifiable copy of a lazily created map; the shared empty map when null or empty. */
  public static <K, V> Map<K, V> copyOrEmpty(@Nullable Map<K, V> map) {
    return map == null ? Collections.<K, V>emptyMap() : copy(map);
  }

  /** An unmodifiable copy; the shared empty list when empty. */
  public static <T> List<T> copy(List<T> list) {
    if (list.isEmpty()) return Collections.emptyList();
    if (list.size() == 1) return Collections.singletonList(list.get(0));
    return Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** An unmodifiable copy of a lazily created list; the shared empty list when null or empty. */
  public static <T> List<T> copyOrEmpty(@Nullable List<T> list) {
    return list == null ? Collections.<T>emptyList() : copy(list);
  }

  /** An unmodifiable copy of a nullable list; null stays null. */
  public static <T> @Nullable List<T> copyOrNull(@Nullable List<T> list) {
    return list == null ? null : copy(list);
  }
}
