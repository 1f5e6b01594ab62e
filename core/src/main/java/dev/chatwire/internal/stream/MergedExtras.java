package dev.chatwire.internal.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The unknown members of one object across the chunks of a stream, each merged by a {@link
 * MergedExtra.Mode}, in the order they first appeared. Not thread-safe.
 */
public final class MergedExtras {
  private final MergedExtra.Mode mode;
  private @Nullable Map<String, MergedExtra> values;
  private final BiConsumer<String, String> sink = this::add; // forEach: no iterator per chunk

  private MergedExtras(MergedExtra.Mode mode) {
    this.mode = mode;
  }

  /** Members where the first non-null value wins. */
  public static MergedExtras firstWins() {
    return new MergedExtras(MergedExtra.Mode.FIRST);
  }

  /** Members where arrays are appended, objects merged and other values: the last wins. */
  public static MergedExtras lastWins() {
    return new MergedExtras(MergedExtra.Mode.LAST);
  }

  /** As {@link #lastWins()}, and strings are concatenated: members of a delta. */
  public static MergedExtras fragments() {
    return new MergedExtras(MergedExtra.Mode.FRAGMENTS);
  }

  /** Merges every member of {@code extras}. */
  public void addAll(Map<String, String> extras) {
    if (!extras.isEmpty()) extras.forEach(sink);
  }

  /** Merges one member by this object's mode. */
  public void add(String name, String raw) {
    add(name, raw, mode);
  }

  /** Merges one member appended like an array (its mode fixed by its first value). */
  public void addAppending(String name, String raw) {
    add(name, raw, MergedExtra.Mode.LAST);
  }

  private void add(String name, String raw, MergedExtra.Mode memberMode) {
    Map<String, MergedExtra> map = values;
    if (map == null) map = values = new LinkedHashMap<>();
    MergedExtra value = map.get(name);
    if (value == null) {
      value = new MergedExtra(memberMode);
      map.put(name, value);
    }
    value.add(raw);
  }

  /** The merged members as raw JSON text by name. */
  public Map<String, String> toMap() {
    Map<String, MergedExtra> map = values;
    if (map == null) return Collections.emptyMap();
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, MergedExtra> e : map.entrySet()) out.put(e.getKey(), e.getValue().value());
    return out;
  }
}
