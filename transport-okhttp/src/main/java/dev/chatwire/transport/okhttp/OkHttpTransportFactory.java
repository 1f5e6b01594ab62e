package dev.chatwire.transport.okhttp;

import dev.chatwire.transport.Transport;

/**
 * What {@link java.util.ServiceLoader} finds: an {@link OkHttpTransport} with its own default
 * {@code OkHttpClient}, which the transport owns and closes.
 */
public final class OkHttpTransportFactory implements Transport.Factory {
  /** For {@link java.util.ServiceLoader}. */
  public OkHttpTransportFactory() {}

  @Override
  public Transport create() {
    return OkHttpTransport.create();
  }
}
