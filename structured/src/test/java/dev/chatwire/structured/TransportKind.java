package dev.chatwire.structured;

import dev.chatwire.ChatWire;
import dev.chatwire.testkit.ChatServer;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.jdk.JdkTransport;
import dev.chatwire.transport.netty.NettyTransport;
import dev.chatwire.transport.okhttp.OkHttpTransport;
import java.util.function.Supplier;

/** Every transport the end-to-end tests run on. */
enum TransportKind {
  JDK(JdkTransport::create),
  OKHTTP(OkHttpTransport::create),
  NETTY(NettyTransport::create);

  private final Supplier<Transport> factory;

  TransportKind(Supplier<Transport> factory) {
    this.factory = factory;
  }

  /** A client of {@code server} on this transport; closing it closes both. */
  Connection connect(ChatServer server) {
    Transport transport = factory.get();
    return new Connection(transport, ChatWire.builder().transport(transport)
        .baseUrl(server.url("/v1").toString()).apiKey("sk-structured-test").build());
  }

  /** A client and the transport it was given. */
  static final class Connection implements AutoCloseable {
    final ChatWire client;
    private final Transport transport;

    Connection(Transport transport, ChatWire client) {
      this.transport = transport;
      this.client = client;
    }

    @Override
    public void close() {
      client.close();
      transport.close();
    }
  }
}
