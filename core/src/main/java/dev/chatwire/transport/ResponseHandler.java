package dev.chatwire.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Receives the outcome of one {@link Exchange}: {@link #onResponse} first, then at most one
 * {@link #onBody} per unit of demand, then exactly one of {@link #onComplete} or {@link #onError};
 * {@link #onConnected} may come before them all.
 *
 * <p>Calls are serialized but may come from any thread; a handler never blocks.
 */
public interface ResponseHandler {

  /**
   * The connection is up (TCP, and TLS where used) and the request is being sent: at most once,
   * before {@link #onResponse}. Core stops its connect timer here.
   */
  default void onConnected() {}

  /** The status line and headers have arrived; no demand is needed for this call. */
  void onResponse(int status, Headers headers);

  /**
   * The next body bytes, from position to limit. The buffer is only valid during this call: a
   * transport may reuse it afterwards, so a handler copies what it keeps.
   */
  void onBody(ByteBuffer bytes);

  /** The body ended normally. Terminal. */
  void onComplete();

  /** The exchange failed: connect, TLS, reset, or a read that broke off. Terminal. */
  void onError(IOException error);
}
