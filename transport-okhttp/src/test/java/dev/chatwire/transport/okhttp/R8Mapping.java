package dev.chatwire.transport.okhttp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The class names of an R8 mapping file ({@code original -> shrunk:} lines), both ways. */
final class R8Mapping {
  private final Map<String, String> shrunk = new HashMap<>();
  private final Map<String, String> original = new HashMap<>();

  private R8Mapping() {}

  static R8Mapping read(Path file) throws IOException {
    R8Mapping m = new R8Mapping();
    for (String line : Files.readAllLines(file)) {
      if (line.isEmpty() || line.startsWith("#") || Character.isWhitespace(line.charAt(0))) continue;
      int arrow = line.indexOf(" -> ");
      if (arrow < 0 || !line.endsWith(":")) continue;
      String from = line.substring(0, arrow);
      String to = line.substring(arrow + 4, line.length() - 1);
      m.shrunk.put(from, to);
      m.original.put(to, from);
    }
    return m;
  }

  /** The shrunk name of class {@code name} (binary name, dots); itself when not renamed. */
  String shrunkName(String name) {
    return shrunk.getOrDefault(name, name);
  }

  /** The original entry name ({@code a/b/C.class}) of the shrunk class entry {@code entry}. */
  String originalName(String entry) {
    String name = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    return original.getOrDefault(name, name).replace('.', '/') + ".class";
  }
}
