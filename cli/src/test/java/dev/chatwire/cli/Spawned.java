package dev.chatwire.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The tool as a process: its output collected as it comes, waited for by content. */
final class Spawned {
  final Process process;
  private final Collector out;
  private final Collector err;

  private Spawned(Process process) {
    this.process = process;
    this.out = new Collector(process.getInputStream());
    this.err = new Collector(process.getErrorStream());
  }

  /** Starts {@code java ... dev.chatwire.cli.ChatWireCli args} on this test's class path. */
  static Spawned cli(List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.chatwire.cli.ChatWireCli");
    command.addAll(args);
    return start(command, env);
  }

  static Spawned start(List<String> command, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("CHATWIRE_"));
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      return new Spawned(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to end; returns its exit status. */
  int await(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after " + timeout + "; stderr: " + err());
    }
    out.join();
    err.join();
    return process.exitValue();
  }

  /** Waits until standard output holds {@code text}. */
  void awaitStdout(String text, Duration timeout) throws InterruptedException {
    if (!out.await(text, timeout)) {
      throw new AssertionError("stdout never held " + text + ": " + out() + "; stderr: " + err());
    }
  }

  String out() {
    return out.text();
  }

  String err() {
    return err.text();
  }

  /** Reads one stream to its end on a thread of its own. */
  private static final class Collector extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Collector(InputStream in) {
      this.in = in;
      setDaemon(true);
      start();
    }

    @Override
    public void run() {
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          synchronized (this) {
            bytes.write(buf, 0, n);
            notifyAll();
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean await(String text, Duration timeout) throws InterruptedException {
      long end = System.nanoTime() + timeout.toNanos();
      while (!text().contains(text)) {
        long left = end - System.nanoTime();
        if (left <= 0 || !isAlive() && !text().contains(text)) return false;
        TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, 100_000_000L));
      }
      return true;
    }
  }

  /** This JVM's {@code java}. */
  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }
}
