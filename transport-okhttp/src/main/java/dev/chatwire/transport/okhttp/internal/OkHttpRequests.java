package dev.chatwire.transport.okhttp.internal;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/** Turns a ChatWire {@link HttpRequest} into an OkHttp {@link Request}. */
public final class OkHttpRequests {
  private static final byte[] EMPTY = new byte[0];

  /** The last URI parsed and OkHttp's form of it: a client sends to one URI call after call. */
  private static volatile @Nullable ParsedUrl last;

  private OkHttpRequests() {}

  private static HttpUrl url(URI uri) {
    ParsedUrl p = last;
    if (p != null && p.uri.equals(uri)) return p.url;
    HttpUrl url = HttpUrl.get(uri.toString());
    last = new ParsedUrl(uri, url);
    return url;
  }

  private static final class ParsedUrl {
    final URI uri;
    final HttpUrl url;

    ParsedUrl(URI uri, HttpUrl url) {
      this.uri = uri;
      this.url = url;
    }
  }

  /**
   * The OkHttp request for {@code request}. Header fields pass through in order, except the ones
   * OkHttp frames itself ({@code Content-Length}, {@code Host}, {@code Transfer-Encoding},
   * {@code Connection}). Throws {@link IllegalArgumentException} for what OkHttp cannot send, such
   * as a URI that is not http(s) or a header value that is not ASCII.
   */
  public static Request toOkHttp(HttpRequest request) {
    Request.Builder b = new Request.Builder().url(url(request.getUri()));
    Headers headers = request.getHeaders();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (isFramedByOkHttp(name)) continue;
      try {
        b.addHeader(name, headers.value(i));
      } catch (IllegalArgumentException e) {
        // OkHttp's message quotes the value (but for Authorization): name the field only.
        throw new IllegalArgumentException("OkHttp refused header " + name + " or its value");
      }
    }
    return b.method(request.getMethod(), body(request)).build();
  }

  private static @Nullable RequestBody body(HttpRequest request) {
    byte[] bytes = request.getBody();
    if (bytes != null) return new ByteRequestBody(bytes);
    // OkHttp insists on a body for these methods; an empty one says the same thing on the wire.
    String method = request.getMethod();
    boolean needsBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    return needsBody ? new ByteRequestBody(EMPTY) : null;
  }

  static boolean isFramedByOkHttp(String name) {
    return name.equalsIgnoreCase("Content-Length")
        || name.equalsIgnoreCase("Host")
        || name.equalsIgnoreCase("Transfer-Encoding")
        || name.equalsIgnoreCase("Connection");
  }
}
