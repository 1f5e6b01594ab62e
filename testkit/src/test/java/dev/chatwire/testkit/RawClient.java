package dev.chatwire.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare HTTP/1.1 client on a socket, so tests see exactly the bytes the server wrote. */
final class RawClient implements AutoCloseable {
  final Socket socket;
  final InputStream in;

  RawClient(ChatServer server) throws IOException {
    socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
  }

  /** Sends a POST with a small body. */
  RawClient post(String path) throws IOException {
    String request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    return this;
  }

  /** Reads up to and including the blank line after the header fields. */
  String readHead() throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("EOF in the response head");
      head.append((char) b);
    }
    return head.toString();
  }

  /** Reads exactly {@code n} bytes. */
  byte[] read(int n) throws IOException {
    byte[] out = new byte[n];
    int at = 0;
    while (at < n) {
      int r = in.read(out, at, n - at);
      if (r < 0) throw new IOException("EOF after " + at + " of " + n + " bytes");
      at += r;
    }
    return out;
  }

  /** Reads until the server closes the connection. */
  byte[] readToEnd() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int r; (r = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, r);
    }
    return out.toByteArray();
  }

  /** Decodes a chunked body until its last chunk. */
  String readChunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      int size = Integer.parseInt(readLine(), 16);
      if (size == 0) {
        readLine();
        return body.toString(StandardCharsets.UTF_8);
      }
      body.write(read(size));
      readLine();
    }
  }

  String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) throw new IOException("EOF in a line");
      if (b != '\r') line.append((char) b);
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
