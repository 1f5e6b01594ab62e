package dev.chatwire.internal;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.transport.Transport;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the one transport module on the class path. */
public final class Transports {
  private Transports() {}

  /** Creates a transport from the only {@link Transport.Factory} found. */
  public static Transport discover() {
    // The two-argument form with the interface's own loader is the one R8 rewrites on Android.
    return discover(Transport.Factory.class.getClassLoader());
  }

  static Transport discover(ClassLoader loader) {
    List<Transport.Factory> found = new ArrayList<>();
    try {
      Iterator<Transport.Factory> it =
          ServiceLoader.load(Transport.Factory.class, loader).iterator();
      while (it.hasNext()) found.add(it.next());
    } catch (ServiceConfigurationError e) {
      throw new ChatWireException("a transport on the class path could not be loaded", e);
    }
    if (found.isEmpty()) {
      throw new ChatWireException(
          "no ChatWire transport on the class path: add chatwire-transport-okhttp, "
              + "chatwire-transport-jdk or chatwire-transport-netty, or pass one to "
              + "ChatWire.builder().transport(..)");
    }
    if (found.size() > 1) {
      List<String> names = new ArrayList<>();
      for (Transport.Factory f : found) names.add(f.getClass().getName());
      throw new ChatWireException(
          "several ChatWire transports on the class path " + names
              + ": choose one with ChatWire.builder().transport(..)");
    }
    return found.get(0).create();
  }
}
