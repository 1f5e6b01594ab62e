package dev.chatwire.transport;

/**
 * A transport's side of one exchange: the socket work that core's exchange driver asks for. A
 * transport implements {@link Transport#open} to make one and reports what happens on the
 * {@link WireEvents} it was given; the driver decides when to read, serializes every {@link
 * ResponseHandler} call, counts demand, and decides what a throwing handler means, so no
 * transport has to.
 *
 * <p><b>Threading.</b> {@link #start()} (or {@link #startOnCaller()}) is called once, after
 * {@code open} returned. {@link
 * #read()} is never called twice without an answer in between (a {@code readComplete}, {@code
 * end} or {@code error} event, or, for a {@link #isBlocking() blocking} wire, its return). {@link
 * #cancel()} and {@link #release} may be called from any thread.
 *
 * <pre>{@code
 * // Java: a wire over some callback-driven client
 * Wire wire = new Wire() {
 *   public void start() { client.send(request, callbacks); }   // callbacks report to events
 *   public void read() { socket.readOnce(); }                   // bytes, then readComplete()
 *   public void cancel() { socket.close(); }
 * };
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * override fun open(request: HttpRequest, events: WireEvents): Wire = MyWire(request, events)
 * }</pre>
 */
public interface Wire {

  /** Connects (or takes a pooled connection) and sends the request; never blocks. */
  void start();

  /**
   * Starts the exchange from a thread that would otherwise only wait for its head: the caller of
   * a blocking call, whose first attempt this is. Core calls it only on a wire that {@link
   * #carriesOnCaller() carries} the exchange on this thread (connects, writes, and reads or waits
   * for the head); it returns once it reported the head or an error, which saves thread hand-offs.
   * {@link #cancel()} from another thread must still end it at once. If the calling thread is
   * interrupted meanwhile, it may return without a report, the thread's interrupt status set:
   * core then cancels the exchange. The default is {@link #start()}.
   */
  default void startOnCaller() {
    start();
  }

  /**
   * Whether {@link #startOnCaller()} carries the exchange on the calling thread up to its head,
   * and so is worth a caller's thread; known once the wire is open. The default: whether its
   * reads {@link #isBlocking() block}, as a blocking wire's head is read the same way.
   */
  default boolean carriesOnCaller() {
    return isBlocking();
  }

  /**
   * Reads more of the response body. A non-blocking wire starts one socket read and returns; what
   * it yields follows as {@code body} events and one {@code readComplete} (or {@code end}, {@code
   * error}). A blocking wire reads on the calling thread and reports before it returns. Called
   * only after the head was reported: a wire reads the head by itself. Calls never overlap and
   * never nest (a read decided while one is in progress is issued after it returns), but may come
   * from any thread, the wire's own included, from inside its {@code readComplete} report.
   */
  void read();

  /**
   * Stops the exchange and releases its connection; idempotent, from any thread, and unblocks a
   * {@link #read()} in progress. A wire reports nothing that matters after it.
   */
  void cancel();

  /** The driver is done with the buffer it was given with {@code token}; any thread. */
  default void release(Object token) {}

  /** Whether {@link #read()} blocks until bytes arrive (OkHttp's source) rather than starting one. */
  default boolean isBlocking() {
    return false;
  }
}
