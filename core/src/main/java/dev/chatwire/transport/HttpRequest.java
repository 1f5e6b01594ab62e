package dev.chatwire.transport;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable HTTP request as a transport sends it: method, absolute URI, headers, body bytes.
 *
 * <p>{@link #toString()} shows neither the body nor credential headers.
 *
 * <pre>{@code
 * HttpRequest request = HttpRequest.builder()
 *     .method("POST")
 *     .uri(URI.create("http://127.0.0.1:8080/v1/chat/completions"))
 *     .header("content-type", "application/json")
 *     .body(json)
 *     .build();
 * }</pre>
 */
public final class HttpRequest {
  private final String method;
  private final URI uri;
  private final Headers headers;
  private final byte @Nullable [] body;

  private HttpRequest(Builder b) {
    this.method = b.method;
    this.uri = Objects.requireNonNull(b.uri, "uri");
    this.headers = b.headers.build();
    this.body = b.body;
  }

  /** Starts building a request; the method defaults to {@code GET}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this request's values. */
  public Builder toBuilder() {
    Builder b = new Builder().method(method).uri(uri);
    b.headers = headers.toBuilder();
    b.body = body;
    return b;
  }

  /** The HTTP method, such as {@code POST}. */
  public String getMethod() {
    return method;
  }

  /** The absolute request URI. */
  public URI getUri() {
    return uri;
  }

  /** The request header fields. */
  public Headers getHeaders() {
    return headers;
  }

  /**
   * The body bytes, or null for none. The array is shared, not copied: callers must not modify it.
   */
  public byte @Nullable [] getBody() {
    return body;
  }

  @Override
  public String toString() {
    return "HttpRequest{" + method + " " + uri + ", " + headers
        + (body == null ? "" : ", body=" + body.length + " bytes") + '}';
  }

  /** Builds an {@link HttpRequest}; not thread-safe. */
  public static final class Builder {
    private String method = "GET";
    private @Nullable URI uri;
    private Headers.Builder headers = Headers.builder();
    private byte @Nullable [] body;

    Builder() {}

    /** Sets the method, such as {@code POST}. */
    public Builder method(String method) {
      if (method.isEmpty()) throw new IllegalArgumentException("empty method");
      this.method = method;
      return this;
    }

    /** Sets the absolute URI. */
    public Builder uri(URI uri) {
      if (!uri.isAbsolute()) throw new IllegalArgumentException("URI is not absolute");
      this.uri = uri;
      return this;
    }

    /** Adds a header field. */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Replaces all header fields. */
    public Builder headers(Headers headers) {
      this.headers = headers.toBuilder();
      return this;
    }

    /** Sets the body bytes (not copied), or null for none. */
    public Builder body(byte @Nullable [] body) {
      this.body = body;
      return this;
    }

    /** The immutable request. */
    public HttpRequest build() {
      return new HttpRequest(this);
    }
  }
}
