package dev.chatwire.testkit.internal;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Collects the buffer leaks Netty's leak detector reports, so that a server's {@code close()}
 * can fail the test instead of leaving a log line nobody reads. Netty creates its detectors when
 * its buffer classes initialize, so this is installed before the server touches a buffer; leaks
 * are only seen after a garbage collection, so a leak may fail a later test than its own.
 */
public final class LeakWatch extends ResourceLeakDetectorFactory {
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();
  private static final List<String> LEAKS = new ArrayList<>();

  private LeakWatch() {}

  /** Installs the collecting detector factory once per JVM. */
  public static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new LeakWatch());
    }
  }

  /** Throws an {@link AssertionError} describing every leak reported since the last call. */
  public static void check() {
    List<String> leaks;
    synchronized (LEAKS) {
      if (LEAKS.isEmpty()) return;
      leaks = new ArrayList<>(LEAKS);
      LEAKS.clear();
    }
    throw new AssertionError("Netty reported " + leaks.size() + " buffer leak(s):\n"
        + String.join("\n", leaks));
  }

  private static void record(String leak) {
    synchronized (LEAKS) {
      LEAKS.add(leak);
    }
  }

  @Override
  public <T> ResourceLeakDetector<T> newResourceLeakDetector(
      Class<T> resource, int samplingInterval, long maxActive) {
    return new ResourceLeakDetector<T>(resource, samplingInterval) {
      @Override
      protected void reportTracedLeak(String resourceType, String records) {
        record("LEAK: " + resourceType + records);
        super.reportTracedLeak(resourceType, records);
      }

      @Override
      protected void reportUntracedLeak(String resourceType) {
        record("LEAK: " + resourceType + " (no records; set io.netty.leakDetection.level=paranoid)");
        super.reportUntracedLeak(resourceType);
      }
    };
  }
}
