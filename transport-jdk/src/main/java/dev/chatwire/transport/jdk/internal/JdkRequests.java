package dev.chatwire.transport.jdk.internal;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Flow;

/** Builds the java.net.http request for a ChatWire request. */
final class JdkRequests {
  /**
   * Fields java.net.http sets itself or refuses ({@code IllegalArgumentException: restricted
   * header name}): framing and connection management belong to the HTTP implementation.
   */
  private static final Set<String> SKIPPED = new HashSet<>(Arrays.asList(
      "connection", "content-length", "expect", "host", "keep-alive", "proxy-connection", "te",
      "trailer", "transfer-encoding", "upgrade"));

  private JdkRequests() {}

  /**
   * The JDK request. {@code onConnected} runs when java.net.http starts on the body, which it
   * does only once a connection is up (and, over TLS, the handshake done).
   */
  static java.net.http.HttpRequest convert(HttpRequest request, Runnable onConnected) {
    byte[] body = request.getBody();
    java.net.http.HttpRequest.BodyPublisher bytes = body == null || body.length == 0
        ? java.net.http.HttpRequest.BodyPublishers.noBody()
        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body);
    java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder()
        .uri(request.getUri())
        .method(request.getMethod(), new ConnectSignal(bytes, onConnected));
    if ("http".equalsIgnoreCase(request.getUri().getScheme())) {
      // No h2c upgrade attempt in clear text: servers that ignore it do fine, some choke on it.
      // A connection then serves one exchange at a time, which JdkWire's carried start needs.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    Headers headers = request.getHeaders();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      if (SKIPPED.contains(name.toLowerCase(Locale.ROOT))) continue;
      try {
        builder.header(name, headers.value(i));
      } catch (IllegalArgumentException e) {
        // Other JDK versions restrict more names (Date, From, Referer, Via, Warning on 11).
        String message = e.getMessage();
        if (message == null || !message.contains("restricted")) {
          // The JDK's message quotes the value, which may be a key: name the field only.
          throw new IllegalArgumentException("java.net.http refused the value of header " + name);
        }
      }
    }
    return builder.build();
  }

  /** A body publisher that notes when the JDK first asks about the body: after connecting. */
  private static final class ConnectSignal implements java.net.http.HttpRequest.BodyPublisher {
    private final java.net.http.HttpRequest.BodyPublisher delegate;
    private final Runnable onConnected;

    ConnectSignal(java.net.http.HttpRequest.BodyPublisher delegate, Runnable onConnected) {
      this.delegate = delegate;
      this.onConnected = onConnected;
    }

    @Override
    public long contentLength() {
      onConnected.run();
      return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
      onConnected.run();
      delegate.subscribe(subscriber);
    }
  }
}
