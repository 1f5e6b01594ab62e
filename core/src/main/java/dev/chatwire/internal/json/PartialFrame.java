package dev.chatwire.internal.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One open array or object of a {@link dev.chatwire.json.PartialJson}: the container being
 * filled, the member name waiting for its value, and where the text can be cut so that it ends
 * with the last complete member.
 */
public final class PartialFrame {
  /** An object, else an array. */
  public final boolean object;
  /** The value being built: a {@code LinkedHashMap} or an {@code ArrayList}. */
  public final Object container;
  /** The member name whose value is being read; null between members and in arrays. */
  public @Nullable String name;
  /** The text offset just after the opener or the last complete member. */
  public int goodEnd;

  /** A frame opened by the bracket that ends at {@code goodEnd}. */
  public PartialFrame(boolean object, int goodEnd) {
    this.object = object;
    this.container =
        object ? new LinkedHashMap<String, @Nullable Object>() : new ArrayList<@Nullable Object>();
    this.goodEnd = goodEnd;
  }

  /**
   * Adds {@code value} to {@code target}, this frame's container or a copy of it: under the
   * pending member name for an object, at the end for an array.
   */
  @SuppressWarnings("unchecked")
  public void add(Object target, @Nullable Object value) {
    if (object) {
      String key = name;
      ((Map<String, @Nullable Object>) target).put(key == null ? "" : key, value);
    } else {
      ((List<@Nullable Object>) target).add(value);
    }
  }

  /**
   * A deep copy of a value built by the reader (maps, lists and immutable leaves); the copy of
   * {@code open}, the innermost open container, is stored in {@code openCopy[0]}.
   */
  @SuppressWarnings("unchecked")
  public static @Nullable Object copy(@Nullable Object v, @Nullable Object open, Object[] openCopy) {
    Object c;
    if (v instanceof Map) {
      Map<String, @Nullable Object> m = (Map<String, @Nullable Object>) v;
      Map<String, @Nullable Object> out = new LinkedHashMap<>(Math.max(4, m.size() * 4 / 3 + 1));
      for (Map.Entry<String, @Nullable Object> e : m.entrySet()) {
        out.put(e.getKey(), copy(e.getValue(), open, openCopy));
      }
      c = out;
    } else if (v instanceof List) {
      List<@Nullable Object> l = (List<@Nullable Object>) v;
      List<@Nullable Object> out = new ArrayList<>(l.size());
      for (int i = 0, n = l.size(); i < n; i++) out.add(copy(l.get(i), open, openCopy));
      c = out;
    } else {
      return v;
    }
    if (v == open) openCopy[0] = c;
    return c;
  }

  /** The JSON path of the value being read, such as {@code $.cities[2].name}; names cut at 32. */
  public static String path(@Nullable PartialFrame[] stack, int depth) {
    StringBuilder sb = new StringBuilder("$");
    for (int k = 0; k < depth; k++) {
      PartialFrame f = stack[k];
      if (f == null) break;
      if (f.object) {
        String n = f.name;
        if (n != null) sb.append('.').append(n.length() > 32 ? n.substring(0, 32) + "…" : n);
      } else {
        int size = ((List<?>) f.container).size();
        // an open container is in its parent's list already
        sb.append('[').append(k < depth - 1 ? size - 1 : size).append(']');
      }
    }
    return sb.toString();
  }
}
