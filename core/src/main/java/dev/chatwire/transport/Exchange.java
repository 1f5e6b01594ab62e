package dev.chatwire.transport;

/**
 * One running HTTP exchange, returned by {@link Transport#execute}.
 *
 * <p>Both methods may be called from any thread. {@link #request()} may run handler calls inline
 * on the calling thread (a blocking transport reads there), so call it from no lock a handler
 * also takes.
 */
public interface Exchange {

  /** Signals demand for one more {@link ResponseHandler#onBody} call. */
  void request();

  /**
   * Stops the exchange and releases its connection; idempotent, from any thread. A read blocked
   * in {@link #request()} on another thread is unblocked.
   */
  void cancel();
}
