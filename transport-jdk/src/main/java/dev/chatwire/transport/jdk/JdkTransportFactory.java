package dev.chatwire.transport.jdk;

import dev.chatwire.transport.Transport;

/**
 * Makes {@link JdkTransport} discoverable with {@link java.util.ServiceLoader}: with this module on
 * the class path and no transport given, the client uses {@code JdkTransport.create()}.
 */
public final class JdkTransportFactory implements Transport.Factory {

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public JdkTransportFactory() {}

  @Override
  public Transport create() {
    return JdkTransport.create();
  }
}
