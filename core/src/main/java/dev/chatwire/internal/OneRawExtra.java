package dev.chatwire.internal;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable map of one unknown member, its raw JSON kept as the UTF-8 bytes it arrived in
 * and decoded to a String only when asked. OpenAI sends one such member on every stream chunk
 * ({@code obfuscation}, random padding that nearly nobody reads): kept this way it costs one
 * small object and a byte array instead of a String and a map. Equal to, and hashed as, any other
 * map with the same entry.
 */
public final class OneRawExtra extends AbstractMap<String, String> {
  /**
   * The name of OpenAI's padding member. A stream chunk whose only unknown member is this one
   * keeps its raw value as bytes alone, and makes this map of it only when asked.
   */
  public static final String PADDING = "obfuscation";

  private final String name;
  private final byte[] raw;
  private @Nullable String text; // decoded on first use; a race only decodes it twice

  /** The map of {@code name} to the raw JSON value in {@code raw}, which it takes as it is. */
  public OneRawExtra(String name, byte[] raw) {
    this.name = name;
    this.raw = raw;
  }

  private String text() {
    String t = text;
    if (t == null) text = t = new String(raw, StandardCharsets.UTF_8);
    return t;
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public boolean isEmpty() {
    return false;
  }

  @Override
  public boolean containsKey(@Nullable Object key) {
    return name.equals(key);
  }

  @Override
  public @Nullable String get(@Nullable Object key) {
    return name.equals(key) ? text() : null;
  }

  @Override
  public Set<Map.Entry<String, String>> entrySet() {
    return Collections.singleton(new SimpleImmutableEntry<>(name, text()));
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super String> action) {
    action.accept(name, text());
  }

  @Override
  public Set<String> keySet() {
    return Collections.singleton(name);
  }
}
