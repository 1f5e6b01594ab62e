package dev.chatwire.interop;

import dev.chatwire.transport.Transport;
import dev.chatwire.transport.jdk.JdkTransport;
import dev.chatwire.transport.netty.NettyTransport;
import dev.chatwire.transport.okhttp.OkHttpTransport;
import java.util.function.Supplier;

/** The transports every interoperability test runs on. */
enum Wire {
  OKHTTP(OkHttpTransport::create),
  NETTY(NettyTransport::create),
  JDK(JdkTransport::create);

  private final Supplier<Transport> factory;

  Wire(Supplier<Transport> factory) {
    this.factory = factory;
  }

  Transport create() {
    return factory.get();
  }
}
