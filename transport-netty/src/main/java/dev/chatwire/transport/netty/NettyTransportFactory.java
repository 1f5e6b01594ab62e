package dev.chatwire.transport.netty;

import dev.chatwire.transport.Transport;

/**
 * Makes {@link NettyTransport} discoverable with {@link java.util.ServiceLoader}: with this module
 * on the class path and no transport given, the client uses {@code NettyTransport.create()}, whose
 * two I/O threads the client's {@code close()} shuts down.
 */
public final class NettyTransportFactory implements Transport.Factory {

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public NettyTransportFactory() {}

  @Override
  public Transport create() {
    return NettyTransport.create();
  }
}
