package dev.chatwire.transport.jdk.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The fixed worker pool of a transport-owned client: daemon threads that end when idle. */
public final class Workers {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private Workers() {}

  public static ExecutorService newPool() {
    int size = Math.max(2, Runtime.getRuntime().availableProcessors());
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = task -> {
      Thread t = new Thread(task, "chatwire-jdk-" + pool + "-worker-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ThreadPoolExecutor executor = new ThreadPoolExecutor(
        size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }
}
