package dev.chatwire.transport.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.testkit.ChatServer;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.testkit.internal.RecordingHandler;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class NettyTransportBuilderTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void serviceLoaderFindsTheFactory() {
    List<Transport.Factory> factories = new ArrayList<>();
    ServiceLoader.load(Transport.Factory.class).forEach(factories::add);

    assertThat(factories).hasSize(1).first().isInstanceOf(NettyTransportFactory.class);
    try (Transport transport = factories.get(0).create()) {
      assertThat(transport).isInstanceOf(NettyTransport.class);
    }
  }

  @Test
  void runsOnTheCallersGroupAndLeavesItRunning() {
    EventLoopGroup group = new NioEventLoopGroup(1);
    try (ChatServer server = ChatServer.start()) {
      server.enqueue(MockResponse.json("{\"ok\":true}"));
      NettyTransport transport = NettyTransport.create(group);
      RecordingHandler handler = RecordingHandler.collecting().autoRequest();
      handler.start(transport, HttpRequest.builder().uri(server.url("/v1/models")).build());
      handler.request(1);
      assertThat(handler.awaitTerminal(WAIT)).isTrue();
      assertThat(handler.bodyUtf8()).isEqualTo("{\"ok\":true}");

      transport.close();

      assertThat(group.isShuttingDown()).isFalse();
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void refusesSettingsOutOfRange() {
    NettyTransport.Builder builder = NettyTransport.builder();

    assertThatThrownBy(() -> builder.maxConnectionsPerHost(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.ioThreads(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.idleConnectionTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
