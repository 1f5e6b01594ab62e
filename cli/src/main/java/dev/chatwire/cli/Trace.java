package dev.chatwire.cli;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * What the wire saw of the latest attempt: its URI, when the connection came up, when the response
 * head arrived, the status and headers; written by transport threads, read by the main thread.
 * With a raw sink, the bodies of successful responses are copied to it as they arrive.
 */
final class Trace {
  private final long start = System.nanoTime();
  private final @Nullable PrintStream raw;
  private volatile @Nullable URI uri;
  private volatile String method = "POST";
  private volatile int attempts;
  private volatile long connected;
  private volatile long head;
  private volatile long firstToken;
  private volatile int status;
  private volatile Headers headers = Headers.EMPTY;

  Trace(@Nullable PrintStream raw) {
    this.raw = raw;
  }

  void attempt(HttpRequest request) {
    uri = request.getUri();
    method = request.getMethod();
    attempts++;
    connected = 0;
    head = 0;
    status = 0;
    headers = Headers.EMPTY;
  }

  void connected() {
    connected = System.nanoTime();
  }

  void head(int status, Headers headers) {
    head = System.nanoTime();
    this.status = status;
    this.headers = headers;
  }

  void body(ByteBuffer bytes) {
    PrintStream sink = raw;
    if (sink == null || status < 200 || status > 299) return;
    if (bytes.hasArray()) {
      sink.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
    } else {
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      sink.write(copy, 0, copy.length);
    }
    sink.flush();
  }

  void firstToken() {
    if (firstToken == 0) firstToken = System.nanoTime();
  }

  /** The URI of the latest attempt, or null before the first. */
  @Nullable URI uri() {
    return uri;
  }

  String method() {
    return method;
  }

  int attempts() {
    return attempts;
  }

  int status() {
    return status;
  }

  Headers headers() {
    return headers;
  }

  /** Milliseconds from the start to {@code nanos}, or -1 when it never happened. */
  private long since(long nanos) {
    return nanos == 0 ? -1 : (nanos - start) / 1_000_000;
  }

  /**
   * "connect 12 ms, first byte 40 ms, first token 41 ms, total 80 ms"; what never happened is left
   * out.
   */
  String timings() {
    StringBuilder sb = new StringBuilder();
    append(sb, "connect", since(connected));
    append(sb, "first byte", since(head));
    append(sb, "first token", since(firstToken));
    append(sb, "total", since(System.nanoTime()));
    return sb.toString();
  }

  private static void append(StringBuilder sb, String what, long ms) {
    if (ms < 0) return;
    if (sb.length() > 0) sb.append(", ");
    sb.append(what).append(' ').append(ms).append(" ms");
  }
}
