package dev.chatwire.transport.netty.internal;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A ChatWire request checked and turned into HTTP/1.1 parts once, before a connection is taken;
 * the Netty message itself is made when it is written, so nothing reference-counted is held while
 * the request waits for a connection.
 */
final class Requests {
  /** Fields the transport sets itself (framing, connection management) or does not support. */
  private static final Set<String> SKIPPED = new HashSet<>(Arrays.asList(
      "connection", "content-length", "expect", "host", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade"));
  private static final Set<String> BODY_METHODS = new HashSet<>(Arrays.asList(
      "POST", "PUT", "PATCH"));

  private final HttpMethod method;
  private final String target;
  private final HttpHeaders headers;
  private final byte[] body;

  private Requests(HttpMethod method, String target, HttpHeaders headers, byte[] body) {
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Checks and converts {@code request}.
   *
   * @throws IllegalArgumentException for a method, header name or header value HTTP/1.1 cannot
   *     carry; the message names the field but never shows its value
   */
  static Requests prepare(HttpRequest request, Address address) {
    HttpMethod method = HttpMethod.valueOf(request.getMethod());
    byte[] body = request.getBody();
    HttpHeaders out = new DefaultHttpHeaders();
    out.set(HttpHeaderNames.HOST, address.hostHeader());
    Headers given = request.getHeaders();
    for (int i = 0; i < given.size(); i++) {
      String name = given.name(i);
      if (SKIPPED.contains(name.toLowerCase(Locale.ROOT))) continue;
      String value = given.value(i);
      if (!isValidValue(value)) {
        throw new IllegalArgumentException("invalid value for header field " + name);
      }
      out.add(name, value); // validates the name
    }
    if (body != null || BODY_METHODS.contains(method.name())) {
      out.set(HttpHeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length);
    }
    return new Requests(method, target(request.getUri()), out, body == null ? new byte[0] : body);
  }

  /** The message to write; its body wraps the caller's array, which is not copied. */
  FullHttpRequest toMessage() {
    ByteBuf content = body.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
    return new DefaultFullHttpRequest(
        HttpVersion.HTTP_1_1, method, target, content, headers, EmptyHttpHeaders.INSTANCE);
  }

  private static String target(URI uri) {
    String path = uri.getRawPath();
    String query = uri.getRawQuery();
    String target = path == null || path.isEmpty() ? "/" : path;
    return query == null ? target : target + '?' + query;
  }

  /**
   * Visible ASCII, spaces and tabs: Netty writes each char's low byte, so anything wider (U+200B
   * would go out as the control byte 0x0B) is refused rather than cut.
   */
  private static boolean isValidValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) return false;
    }
    return true;
  }
}
