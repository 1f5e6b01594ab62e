package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stop} parameter: one stop sequence or a list of them. It remembers its shape, so a
 * request read from JSON is written back the same way ({@code "stop":"x"} or
 * {@code "stop":["x"]}). Immutable and thread-safe.
 *
 * <pre>{@code
 * Stop one = Stop.of("\n\n");
 * Stop many = Stop.of(Arrays.asList("END", "STOP"));
 * }</pre>
 */
public final class Stop {
  private final List<String> sequences;
  private final boolean list;

  private Stop(List<String> sequences, boolean list) {
    this.sequences = sequences;
    this.list = list;
  }

  /** One stop sequence, written as a JSON string. */
  public static Stop of(String sequence) {
    return new Stop(Collections.singletonList(sequence), false);
  }

  /** Stop sequences, written as a JSON array (even with one element). */
  public static Stop of(List<String> sequences) {
    for (String s : sequences) {
      if (s == null) throw new IllegalArgumentException("stop sequences must not contain null");
    }
    return new Stop(Maps.copy(sequences), true);
  }

  /** The stop sequences: one element when written as a string. */
  public List<String> getSequences() {
    return sequences;
  }

  /** True when written as a JSON array, false when written as a single string. */
  public boolean isList() {
    return list;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Stop)) return false;
    Stop that = (Stop) o;
    return list == that.list && sequences.equals(that.sequences);
  }

  @Override
  public int hashCode() {
    return sequences.hashCode() * 31 + (list ? 1 : 0);
  }

  @Override
  public String toString() {
    return list ? sequences.toString() : sequences.get(0);
  }
}
