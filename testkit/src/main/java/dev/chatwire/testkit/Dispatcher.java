package dev.chatwire.testkit;

/**
 * Chooses the response for each request, instead of the queue of {@link ChatServer#enqueue}.
 * Called on the server's I/O thread: it must return quickly and never block.
 *
 * <pre>{@code
 * server.setDispatcher(request -> request.getPath().endsWith("/models")
 *     ? MockResponse.json("{\"data\":[]}")
 *     : MockResponse.error(404, "{\"error\":{\"message\":\"not found\"}}"));
 * }</pre>
 */
@FunctionalInterface
public interface Dispatcher {

  /** The response to {@code request}. */
  MockResponse dispatch(RecordedRequest request);
}
