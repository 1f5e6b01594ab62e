package dev.chatwire.compare;

import java.util.concurrent.CompletableFuture;

/**
 * One client under test, made for one base URL. Implementations have a public constructor that
 * takes the base URL (ending in {@code /v1}) and the driver's argument (a transport name, or
 * empty). The model names what the server streams.
 */
public interface StreamClient extends AutoCloseable {
  /**
   * Streams one completion of {@code model} (one user message, usage included) on this thread,
   * reporting to {@code sink}, and returns at its end.
   */
  void stream(String model, Sink sink) throws Exception;

  /**
   * Starts one stream without blocking. A client with no async API runs {@link #stream} on a new
   * thread: that is what using it for concurrent streams costs.
   */
  default CompletableFuture<Void> streamAsync(String model, Sink sink) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        stream(model, sink);
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    });
    t.setDaemon(true);
    t.start();
    return done;
  }

  @Override
  default void close() throws Exception {}
}
