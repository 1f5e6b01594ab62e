package dev.chatwire.transport;

import java.io.Closeable;

/**
 * Moves the bytes of one HTTP exchange; nothing more. A transport knows no JSON, no SSE, no
 * retries and no error mapping: {@code core} owns all policy, so every transport behaves the same.
 *
 * <p><b>Contract.</b> {@link #execute} starts an exchange and returns at once. The handler then
 * receives {@link ResponseHandler#onResponse} first; then, for each unit of demand signalled with
 * {@link Exchange#request()}, at most one {@link ResponseHandler#onBody}; then exactly one terminal
 * call, {@link ResponseHandler#onComplete} or {@link ResponseHandler#onError}. A failure before the
 * response arrives is reported through {@code onError} alone. Handler calls are serialized (never
 * concurrent); they may run on an I/O thread or inline on the thread that called {@code
 * request()}, so a handler never blocks. Without demand a transport stops reading from the socket.
 *
 * <p><b>Cancellation.</b> {@link Exchange#cancel()} may be called from any thread, is idempotent,
 * releases the connection, and after it the handler receives no further call except possibly
 * a single {@code onError}.
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
   * Starts sending {@code request}; the outcome arrives at {@code handler}. Never blocks on the
   * network and never throws for I/O problems (they go to {@link ResponseHandler#onError}).
   */
  Exchange execute(HttpRequest request, ResponseHandler handler);

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
