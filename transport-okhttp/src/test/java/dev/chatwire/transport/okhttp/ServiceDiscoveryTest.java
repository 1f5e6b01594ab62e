package dev.chatwire.transport.okhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceDiscoveryTest {
  @Test
  void serviceLoaderFindsTheOkHttpFactory() {
    List<Transport.Factory> found = new ArrayList<>();
    ServiceLoader.load(Transport.Factory.class, Transport.Factory.class.getClassLoader())
        .forEach(found::add);

    assertThat(found).hasSize(1);
    try (Transport transport = found.get(0).create()) {
      assertThat(transport).isInstanceOf(OkHttpTransport.class);
    }
  }
}
