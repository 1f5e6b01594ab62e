package dev.chatwire.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Wire} reports, from any thread, in the order it happens: {@link #connected()},
 * {@link #head}, then {@link #body} pieces, each read answered by {@link #readComplete()}, and
 * finally {@link #end()} or {@link #error}. Core's exchange driver receives them; a transport
 * never calls a {@link ResponseHandler} itself.
 *
 * <p><b>Typed causes.</b> What {@link #error} receives says what failed by its type, never by its
 * message: a {@link java.net.UnknownHostException}, {@link java.net.ConnectException} or {@link
 * javax.net.ssl.SSLException} while connecting, a {@link java.net.ProtocolException} for a
 * response that is not HTTP, a {@link java.net.SocketTimeoutException} only for a timer of the
 * transport's own; anything else is a connection that broke. Messages never hold header values.
 *
 * <pre>{@code
 * events.connected();
 * events.head(200, headers);
 * events.body(bytes, null);
 * events.readComplete();
 * events.end();
 * }</pre>
 */
public interface WireEvents {

  /** The connection is up (TCP, and TLS where used); the request is on its way. */
  void connected();

  /** The final status line and header fields arrived (not a 1xx). */
  void head(int status, Headers headers);

  /**
   * Body bytes, from position to limit. The driver owns {@code bytes} until it calls {@link
   * Wire#release(Object)} with {@code token}; a null token means nothing to release.
   */
  void body(ByteBuffer bytes, @Nullable Object token);

  /** The read that {@link Wire#read()} started has ended; the driver may ask for another. */
  void readComplete();

  /** The body ended normally; the wire has released or pooled its connection. */
  void end();

  /** The exchange failed; see the class comment for the types a cause may have. */
  void error(IOException error);
}
