package dev.chatwire.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The threads and open non-file descriptors of this JVM at one moment, and a wait for them to
 * come back to it. File descriptors are those of {@code /proc/self/fd} that are sockets, pipes or
 * anonymous inodes (epoll, eventfd): jar files the class loader opens on the way are not counted.
 * Without {@code /proc} (not Linux) descriptors are not compared.
 */
final class ResourceSnapshot {
  /** Threads the JVM keeps for everyone, not the transport's. */
  private static final List<String> JVM_SHARED = Arrays.asList(
      "ForkJoinPool.commonPool-worker", "CompletableFutureDelayScheduler", "Common-Cleaner",
      "process reaper", "Attach Listener", "Signal Dispatcher", "Notification Thread",
      "surefire-forkedjvm", "ObjectCleanerThread", "Reference Handler", "Finalizer",
      // core's one timer thread for every client of the JVM (SystemScheduler.INSTANCE)
      "chatwire-scheduler");
  private static final File FDS = new File("/proc/self/fd");

  private final Set<Thread> threads;
  private final int descriptors;

  private ResourceSnapshot(Set<Thread> threads, int descriptors) {
    this.threads = threads;
    this.descriptors = descriptors;
  }

  static ResourceSnapshot take() {
    return new ResourceSnapshot(
        new HashSet<>(Thread.getAllStackTraces().keySet()), descriptorCount());
  }

  /**
   * Waits up to {@code settle} (collecting garbage, which is how some clients release their
   * selector) for the threads started since this snapshot to end and the descriptors to come back
   * to its count; returns what is still left, empty when nothing is.
   */
  List<String> awaitBack(Set<String> sharedPrefixes, Duration settle) throws InterruptedException {
    long end = System.nanoTime() + settle.toNanos();
    while (true) {
      System.gc();
      List<String> left = leftovers(sharedPrefixes);
      if (left.isEmpty() || System.nanoTime() > end) return left;
      Thread.sleep(200); // polling until the resources are back, not proving an absence
    }
  }

  private List<String> leftovers(Set<String> sharedPrefixes) {
    List<String> left = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!t.isAlive() || threads.contains(t) || shared(t.getName(), sharedPrefixes)) continue;
      left.add("thread " + t.getName());
    }
    Collections.sort(left);
    int now = descriptorCount();
    if (now > descriptors) left.add((now - descriptors) + " more open descriptors: " + now
        + " (sockets, pipes, anonymous inodes), " + descriptors + " before");
    return left;
  }

  private static boolean shared(String name, Set<String> prefixes) {
    for (String p : JVM_SHARED) if (name.startsWith(p)) return true;
    for (String p : prefixes) if (name.startsWith(p)) return true;
    return false;
  }

  /** Sockets, pipes and anonymous inodes open now; 0 without /proc. */
  static int descriptorCount() {
    File[] fds = FDS.listFiles();
    if (fds == null) return 0;
    int n = 0;
    for (File fd : fds) {
      try {
        String target = Files.readSymbolicLink(fd.toPath()).toString();
        if (target.startsWith("socket:") || target.startsWith("pipe:")
            || target.startsWith("anon_inode:")) {
          n++;
        }
      } catch (IOException | UnsupportedOperationException e) {
        // closed while listing
      }
    }
    return n;
  }
}
