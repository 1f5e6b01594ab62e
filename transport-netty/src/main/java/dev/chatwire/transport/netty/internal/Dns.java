package dev.chatwire.transport.netty.internal;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves host names with the system resolver ({@link InetAddress}) on two daemon threads of its
 * own that end when idle, never on an event loop: Netty's default resolver blocks the loop for the
 * lookup, stalling every stream on it. IP literals need no lookup and no thread.
 */
final class Dns extends AddressResolverGroup<InetSocketAddress> {
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private final ExecutorService lookups;

  Dns() {
    int instance = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), task -> {
          Thread t = new Thread(task,
              "chatwire-netty-dns-" + instance + "-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.lookups = pool;
  }

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new Lookup(executor, lookups).asAddressResolver();
  }

  @Override
  public void close() {
    super.close();
    lookups.shutdown();
  }

  /** A name resolver whose promises complete on the event loop, lookups done elsewhere. */
  private static final class Lookup extends InetNameResolver {
    private final ExecutorService lookups;

    Lookup(EventExecutor executor, ExecutorService lookups) {
      super(executor);
      this.lookups = lookups;
    }

    @Override
    protected void doResolve(String host, Promise<InetAddress> promise) {
      InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
      if (literal != null) {
        promise.trySuccess(literal);
        return;
      }
      run(promise, () -> promise.trySuccess(InetAddress.getByName(host)));
    }

    @Override
    protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
      InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
      if (literal != null) {
        promise.trySuccess(Arrays.asList(literal));
        return;
      }
      run(promise, () -> promise.trySuccess(Arrays.asList(InetAddress.getAllByName(host))));
    }

    private void run(Promise<?> promise, LookupTask task) {
      try {
        lookups.execute(() -> {
          try {
            task.run();
          } catch (UnknownHostException | RuntimeException e) {
            promise.tryFailure(e);
          }
        });
      } catch (RejectedExecutionException e) {
        promise.tryFailure(new UnknownHostException("the transport is closed"));
      }
    }
  }

  /** A lookup that may not find the host. */
  private interface LookupTask {
    void run() throws UnknownHostException;
  }
}
