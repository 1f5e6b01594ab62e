package dev.chatwire.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The floor: a hand-written HTTP/1.1 client on a plain socket, one kept-alive connection, that
 * reads the body into one 64 KiB array and takes the content, finish reason and usage out of each
 * {@code data:} line by searching for them, with no JSON parser and no model. What a general
 * client costs beyond this is its own.
 */
public final class RawSocketClient implements StreamClient {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private final String host;
  private final int port;
  private final byte[] buffer = new byte[65536];
  private byte[] line = new byte[1024];
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int start;
  private int end;

  public RawSocketClient(String baseUrl, String arg) {
    URI uri = URI.create(baseUrl);
    host = uri.getHost();
    port = uri.getPort();
  }

  @Override
  public void stream(String model, Sink sink) throws IOException {
    if (socket == null) {
      socket = new Socket(host, port);
      socket.setTcpNoDelay(true);
      in = socket.getInputStream();
      out = socket.getOutputStream();
    }
    byte[] body = ("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":"
        + "\"Count.\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}")
        .getBytes(StandardCharsets.UTF_8);
    byte[] head = ("POST /v1/chat/completions HTTP/1.1\r\nHost: " + host + ":" + port
        + "\r\nAuthorization: Bearer sk-test\r\nContent-Type: application/json\r\n"
        + "Accept: text/event-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[head.length + body.length];
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    out.write(request);
    int length;
    boolean done = false;
    while ((length = readLine()) >= 0) {
      if (length == 1 && line[0] == '\r') continue;
      if (length == 2 && line[0] == '0' && line[1] == '\r') {
        readLine();
        if (!done) throw new IOException("no [DONE]");
        return;
      }
      if (!startsWith(line, length, DATA)) continue;
      if (length == DATA.length + 6 && line[DATA.length] == '[') {
        done = true;
        continue;
      }
      String json = new String(line, DATA.length, length - DATA.length, StandardCharsets.UTF_8);
      int content = json.indexOf("\"content\":\"");
      if (content >= 0) sink.token(unescape(json, content + 11));
      int finish = json.indexOf("\"finish_reason\":\"");
      if (finish >= 0) sink.finish(unescape(json, finish + 17));
      int usage = json.indexOf("\"usage\":{");
      if (usage >= 0) {
        sink.usage(number(json, "\"prompt_tokens\":", usage),
            number(json, "\"completion_tokens\":", usage),
            number(json, "\"total_tokens\":", usage));
      }
    }
    throw new IOException("connection closed mid-stream");
  }

  /** Reads the next line, without its LF, into {@code line}; -1 at the end of input. */
  private int readLine() throws IOException {
    int n = 0;
    while (true) {
      if (start == end) {
        start = 0;
        end = in.read(buffer);
        if (end <= 0) {
          end = 0;
          return -1;
        }
      }
      int i = start;
      while (i < end && buffer[i] != '\n') i++;
      int piece = i - start;
      if (n + piece > line.length) line = java.util.Arrays.copyOf(line, (n + piece) * 2);
      System.arraycopy(buffer, start, line, n, piece);
      n += piece;
      if (i < end) {
        start = i + 1;
        return n;
      }
      start = end;
    }
  }

  private static boolean startsWith(byte[] line, int length, byte[] prefix) {
    if (length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if (line[i] != prefix[i]) return false;
    return true;
  }

  private static long number(String json, String name, int from) {
    int at = json.indexOf(name, from) + name.length();
    int stop = at;
    while (Character.isDigit(json.charAt(stop))) stop++;
    return Long.parseLong(json.substring(at, stop));
  }

  private static String unescape(String json, int from) {
    StringBuilder out = new StringBuilder();
    for (int i = from; ; i++) {
      char c = json.charAt(i);
      if (c == '"') return out.toString();
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = json.charAt(++i);
      switch (e) {
        case 'n': out.append('\n'); break;
        case 't': out.append('\t'); break;
        case 'r': out.append('\r'); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'u':
          out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
          i += 4;
          break;
        default: out.append(e);
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (socket != null) socket.close();
  }
}
