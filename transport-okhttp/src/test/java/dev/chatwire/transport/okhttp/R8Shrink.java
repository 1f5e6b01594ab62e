package dev.chatwire.transport.okhttp;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Files and processes for {@link R8ShrinkTest}: jars from directories, child JVMs, entry sizes. */
final class R8Shrink {
  private R8Shrink() {}

  /** What a child process printed and how it ended. */
  static final class Run {
    final int exitCode;
    final String output;

    Run(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }

  /** Runs {@code java} with {@code args} in a child JVM, output and errors merged. */
  static Run java(Path workDir, long timeoutSeconds, List<String> args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(args);
    Path log = Files.createTempFile(workDir, "run", ".log");
    Process p = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command
          + "\n" + Files.readString(log));
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The class path entry as a jar: a jar as it is, a directory zipped into {@code out}. */
  static Path asJar(Path entry, Path out) throws IOException {
    if (!Files.isDirectory(entry)) return entry;
    return zip(entry, entry, out);
  }

  /** Zips the files under {@code dir}, named relative to {@code root}, into {@code out}. */
  static Path zip(Path root, Path dir, Path out) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    try (OutputStream os = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(os)) {
      for (Path f : files) {
        zip.putNextEntry(new ZipEntry(root.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, zip);
        zip.closeEntry();
      }
    }
    return out;
  }

  /** The uncompressed bytes of the class files in {@code jar} whose entry names {@code match}. */
  static long classBytes(Path jar, Predicate<String> match) throws IOException {
    long total = 0;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.getName().endsWith(".class") && match.test(e.getName())) total += e.getSize();
      }
    }
    return total;
  }

  /** The text of every entry of {@code jar} whose name starts with {@code prefix}, by name. */
  static Map<String, String> entriesUnder(Path jar, String prefix) throws IOException {
    Map<String, String> found = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().startsWith(prefix)) continue;
        try (InputStream in = zip.getInputStream(e)) {
          found.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return found;
  }

  /** Whether {@code jar} holds an entry named {@code name}. */
  static boolean hasEntry(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(name) != null;
    }
  }
}
