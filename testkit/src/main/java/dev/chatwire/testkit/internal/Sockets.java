package dev.chatwire.testkit.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Loopback endpoints that misbehave at connect time, for the transport contract. */
public final class Sockets {
  private static final int MAX_FILLERS = 64;

  private Sockets() {}

  /** A loopback port nothing listens on (bound, then closed), so a connect is refused. */
  public static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * A loopback listener that never accepts and whose accept queue is full, so the kernel drops
   * new SYNs and a connect hangs until its timeout. Null where the queue cannot be filled (a
   * kernel that answers a full queue with RST, as {@code tcp_abort_on_overflow} does).
   */
  public static @Nullable Unresponsive unresponsiveListener() throws IOException {
    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    List<Socket> fillers = new ArrayList<>();
    Unresponsive result = new Unresponsive(listener, fillers);
    try {
      for (int i = 0; i < MAX_FILLERS; i++) {
        Socket filler = new Socket();
        fillers.add(filler);
        try {
          filler.connect(result.address(), 300);
        } catch (SocketTimeoutException e) {
          return result; // the queue is full: this connect hung
        } catch (IOException e) {
          break; // refused: this kernel does not leave connects hanging
        }
      }
    } catch (RuntimeException e) {
      result.close();
      throw e;
    }
    result.close();
    return null;
  }

  /** A listener whose connects hang, and the sockets that fill its queue; close releases all. */
  public static final class Unresponsive implements Closeable {
    private final ServerSocket listener;
    private final List<Socket> fillers;

    Unresponsive(ServerSocket listener, List<Socket> fillers) {
      this.listener = listener;
      this.fillers = fillers;
    }

    public InetSocketAddress address() {
      return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    @Override
    public void close() throws IOException {
      for (Socket filler : fillers) {
        filler.close();
      }
      listener.close();
    }
  }
}
