package dev.chatwire.testkit.internal;

import dev.chatwire.transport.Headers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server saw of one exchange: the request as received, and how far its response got.
 * Thread-safe: the server's I/O thread updates it while a test reads it.
 */
public final class ExchangeRecord {
  private final String method;
  private final String target;
  private final String protocol;
  private final Headers headers;
  private final byte[] body;
  private final int sequenceNumber;
  private final int connectionIndex;
  private final AtomicLong bytesWritten = new AtomicLong();
  private final CompletableFuture<Void> written = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  ExchangeRecord(
      String method,
      String target,
      String protocol,
      Headers headers,
      byte[] body,
      int sequenceNumber,
      int connectionIndex) {
    this.method = method;
    this.target = target;
    this.protocol = protocol;
    this.headers = headers;
    this.body = body;
    this.sequenceNumber = sequenceNumber;
    this.connectionIndex = connectionIndex;
  }

  public String method() {
    return method;
  }

  public String target() {
    return target;
  }

  public String protocol() {
    return protocol;
  }

  public Headers headers() {
    return headers;
  }

  /** The body bytes; shared, callers copy. */
  public byte[] body() {
    return body;
  }

  public int sequenceNumber() {
    return sequenceNumber;
  }

  public int connectionIndex() {
    return connectionIndex;
  }

  /** Response body bytes the socket (or HTTP/2 stream) has accepted so far. */
  public long bytesWritten() {
    return bytesWritten.get();
  }

  /** Whether the whole response was written within {@code timeout}. */
  public boolean awaitWritten(Duration timeout) {
    return await(written, timeout);
  }

  /** Whether the connection (HTTP/1.1) or stream (HTTP/2) closed within {@code timeout}. */
  public boolean awaitClosed(Duration timeout) {
    return await(closed, timeout);
  }

  void addBytesWritten(long n) {
    bytesWritten.addAndGet(n);
  }

  void markWritten() {
    written.complete(null);
  }

  void markClosed() {
    closed.complete(null);
  }

  private static boolean await(CompletableFuture<Void> future, Duration timeout) {
    try {
      future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }
}
