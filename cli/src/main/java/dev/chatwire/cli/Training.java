package dev.chatwire.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The run the launcher records a class-data archive from (AppCDS, {@code
 * -XX:ArchiveClassesAtExit}): the tool's real code paths over every transport, against a tiny
 * loopback server, with all output discarded. The archive makes later starts load these classes
 * mapped instead of parsed.
 */
final class Training {
  private static final String CHUNK = "data: {\"id\":\"t\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":"
      + "{\"content\":\"hi\"}}]}\n\n";
  private static final String LAST = "data: {\"id\":\"t\",\"object\":\"chat.completion.chunk\","
      + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
      + "\"total_tokens\":2}}\n\ndata: [DONE]\n\n";
  private static final String COMPLETION = "{\"id\":\"t\",\"object\":\"chat.completion\","
      + "\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
      + "\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}]}";

  private Training() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> serve(server), "chatwire-training-server");
      serving.setDaemon(true);
      serving.start();
      String base = "http://127.0.0.1:" + server.getLocalPort() + "/v1";
      PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false,
          StandardCharsets.UTF_8);
      for (String transport : new String[] {"jdk", "okhttp", "netty"}) {
        ChatWireCli.run(new String[] {"--base-url", base, "--key", "k", "--transport", transport,
            "--usage", "--verbose", "hi"}, Map.of(), InputStream.nullInputStream(), discard,
            discard);
        ChatWireCli.run(new String[] {"--base-url", base, "--transport", transport, "--no-stream",
            "hi"}, Map.of(), InputStream.nullInputStream(), discard, discard);
      }
    }
    System.exit(0);
  }

  private static void serve(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        String head = readHead(s.getInputStream());
        int length = contentLength(head);
        String request = new String(s.getInputStream().readNBytes(length), StandardCharsets.UTF_8);
        boolean stream = request.contains("\"stream\":true");
        OutputStream out = s.getOutputStream();
        byte[] body = (stream ? CHUNK + LAST : COMPLETION).getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\ncontent-type: "
            + (stream ? "text/event-stream" : "application/json") + "\r\ncontent-length: "
            + body.length + "\r\nconnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // The next connection, or the end of training.
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.length() >= 4 && sb.lastIndexOf("\r\n\r\n") == sb.length() - 4) break;
    }
    return sb.toString();
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }
}
