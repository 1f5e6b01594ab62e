package dev.chatwire.testkit.internal;

import java.util.function.Consumer;

/**
 * Chooses the response to a recorded request. Called on a server I/O thread; it must not block,
 * and may reply at once or later, from any thread, exactly once.
 */
@FunctionalInterface
public interface Responder {

  /** Records {@code exchange} and eventually passes its response script to {@code reply}. */
  void respond(ExchangeRecord exchange, Consumer<ResponseScript> reply);
}
