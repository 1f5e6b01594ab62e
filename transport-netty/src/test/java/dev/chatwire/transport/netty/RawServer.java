package dev.chatwire.transport.netty;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection loopback server that answers the first request with fixed bytes, for
 * responses the scripted server does not produce (informational heads, malformed heads, bodies
 * delimited by the end of the connection).
 */
final class RawServer implements AutoCloseable {
  private final ServerSocket listener;
  private final Thread thread;
  private final CountDownLatch clientClosed = new CountDownLatch(1);

  RawServer(String response, boolean closeAfterResponse) throws IOException {
    listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(response, closeAfterResponse), "raw-server");
    thread.setDaemon(true);
    thread.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
  }

  private void serve(String response, boolean closeAfterResponse) {
    try (Socket s = listener.accept()) {
      InputStream in = s.getInputStream();
      readRequest(in);
      OutputStream out = s.getOutputStream();
      out.write(response.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (closeAfterResponse) return;
      while (in.read() != -1) {
        // Holds the connection until the client closes it.
      }
      clientClosed.countDown();
    } catch (IOException e) {
      // The test ended.
    }
  }

  /** Whether the client closed the connection within {@code wait} (not when the server does). */
  boolean awaitClientClose(Duration wait) throws InterruptedException {
    return clientClosed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (!text.endsWith("\r\n\r\n")) continue;
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.readNBytes(length);
      return;
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    thread.interrupt();
  }
}
