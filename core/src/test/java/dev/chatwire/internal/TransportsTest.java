package dev.chatwire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.ChatWire;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportsTest {
  /** A transport that is never used to send. */
  public static final class FirstFactory implements Transport.Factory {
    @Override
    public Transport create() {
      return new Idle();
    }
  }

  /** Another one, to make discovery ambiguous. */
  public static final class SecondFactory implements Transport.Factory {
    @Override
    public Transport create() {
      return new Idle();
    }
  }

  static final class Idle implements Transport {
    @Override
    public Wire open(HttpRequest request, WireEvents events) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private static ClassLoader withServices(Path dir, String... factories) throws IOException {
    Path file = dir.resolve("META-INF/services/" + Transport.Factory.class.getName());
    Files.createDirectories(file.getParent());
    Files.write(file, String.join("\n", factories).getBytes(StandardCharsets.UTF_8));
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TransportsTest.class.getClassLoader());
  }

  @Test
  void noTransportOnTheClassPathIsAClearError() {
    assertThatThrownBy(() -> ChatWire.builder().build())
        .isInstanceOf(ChatWireException.class)
        .hasMessageContaining("no ChatWire transport on the class path")
        .hasMessageContaining("chatwire-transport-okhttp");
  }

  @Test
  void oneTransportIsFoundAndCreated(@TempDir Path dir) throws IOException {
    Transport t = Transports.discover(withServices(dir, FirstFactory.class.getName()));
    assertThat(t).isInstanceOf(Idle.class);
  }

  @Test
  void severalTransportsAreAClearErrorNamingThem(@TempDir Path dir) throws IOException {
    ClassLoader loader =
        withServices(dir, FirstFactory.class.getName(), SecondFactory.class.getName());
    assertThatThrownBy(() -> Transports.discover(loader))
        .isInstanceOf(ChatWireException.class)
        .hasMessageContaining("several ChatWire transports")
        .hasMessageContaining("FirstFactory")
        .hasMessageContaining("SecondFactory");
  }

  @Test
  void aBrokenServiceEntryIsAClearError(@TempDir Path dir) throws IOException {
    ClassLoader loader = withServices(dir, "dev.chatwire.NoSuchFactory");
    assertThatThrownBy(() -> Transports.discover(loader))
        .isInstanceOf(ChatWireException.class)
        .hasMessageContaining("could not be loaded");
  }
}
