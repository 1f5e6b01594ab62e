package dev.chatwire.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JdkTransportFactoryTest {

  @Test
  void serviceLoaderFindsTheFactory() {
    List<Transport.Factory> factories = new ArrayList<>();
    ServiceLoader.load(Transport.Factory.class).forEach(factories::add);

    assertThat(factories).hasSize(1).first().isInstanceOf(JdkTransportFactory.class);
    try (Transport transport = factories.get(0).create()) {
      assertThat(transport).isInstanceOf(JdkTransport.class);
    }
  }
}
