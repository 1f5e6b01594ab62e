package dev.chatwire.transport;

import java.io.Closeable;

/**
 * Moves the bytes of one HTTP exchange; nothing more. A transport knows no JSON, no SSE, no
 * retries, no timers and no error mapping: {@code core} owns all policy, so every transport
 * behaves the same. A transport implements one operation, {@link #open}: it makes a {@link Wire}
 * that reports raw events (connected, head, bytes, end, error) and reads more when asked. Core's
 * one exchange driver turns those into {@link ResponseHandler} calls.
 *
 * <p><b>Contract.</b> {@link #execute} starts an exchange and returns at once. The handler then
 * receives {@link ResponseHandler#onConnected} (once the connection is up), {@link
 * ResponseHandler#onResponse}; then, for each unit of demand signalled with {@link
 * Exchange#request()}, at most one {@link ResponseHandler#onBody}; then exactly one terminal call,
 * {@link ResponseHandler#onComplete} or {@link ResponseHandler#onError}. A failure before the
 * response arrives is reported through {@code onError} alone; bytes that arrived before a failure
 * are delivered (against demand) before its {@code onError}. Handler calls are serialized (never
 * concurrent, never nested); they may run on an I/O thread or inline on the thread that called
 * {@code request()}, so a handler never blocks. A {@code request()} made inside a handler call
 * only adds demand, served once the call returns. Buffered bytes are handed over on the thread
 * that asks, without a thread hop; a transport reads ahead of demand by at most a small window
 * (128 KiB), and stops reading from the socket beyond it.
 *
 * <p><b>A throwing handler.</b> A handler call that throws ends the exchange: the connection is
 * closed, the handler receives one {@code onError} whose cause is what it threw (unless the call
 * that threw was already terminal), and nothing else; {@code request()} never rethrows it.
 *
 * <p><b>Cancellation.</b> {@link Exchange#cancel()} may be called from any thread, is idempotent,
 * releases the connection, and after it the handler receives no further call but one {@code
 * onError}, unless the exchange had already ended. Demand signalled after it is ignored.
 *
 * <p><b>After {@link #close()}.</b> {@code execute} and {@code open} throw {@link
 * IllegalStateException} at once; nothing is sent.
 *
 * <p><b>Discovery.</b> {@link Factory} implementations are found with {@link
 * java.util.ServiceLoader}; they need a public no-argument constructor.
 *
 * <pre>{@code
 * // Java
 * Exchange exchange = transport.execute(request, handler);
 * exchange.request();          // ask for the first body buffer
 * exchange.cancel();           // from any thread
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val exchange = transport.execute(request, handler)
 * exchange.request()
 * }</pre>
 */
public interface Transport extends Closeable {

  /**
   * Makes the wire for {@code request}, reporting to {@code events}; sends nothing until {@link
   * Wire#start()}. Never blocks.
   *
   * @throws IllegalStateException if this transport is closed
   * @throws IllegalArgumentException if the request cannot be sent (a scheme or header value the
   *     transport cannot carry); the message never shows a header value
   */
  Wire open(HttpRequest request, WireEvents events);

  /**
   * Starts sending {@code request}; the outcome arrives at {@code handler}, driven by core's
   * exchange driver. Never blocks on the network and never throws for I/O problems (they go to
   * {@link ResponseHandler#onError}).
   *
   * @throws IllegalStateException if this transport is closed
   */
  default Exchange execute(HttpRequest request, ResponseHandler handler) {
    return dev.chatwire.internal.wire.ExchangeDriver.execute(this, request, handler);
  }

  /** Releases what this transport owns (pools, threads); idempotent. Never throws. */
  @Override
  void close();

  /**
   * Creates a transport with default settings; what {@link java.util.ServiceLoader} finds.
   *
   * <p>Register an implementation in {@code META-INF/services/dev.chatwire.transport.Transport$Factory}.
   */
  @FunctionalInterface
  interface Factory {
    /** Creates a new transport that the caller owns and closes. */
    Transport create();
  }
}
