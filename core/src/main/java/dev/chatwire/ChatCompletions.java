package dev.chatwire;

import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.internal.Secrets;
import dev.chatwire.internal.call.CallEnv;
import dev.chatwire.internal.call.CompletionSink;
import dev.chatwire.internal.call.RealCall;
import dev.chatwire.internal.call.StreamSink;
import dev.chatwire.internal.json.RequestCodec;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.StreamOptions;
import dev.chatwire.internal.call.RealChatStream;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamEvents;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The chat completions endpoint of a {@link ChatWire} client: {@code POST /chat/completions},
 * blocking, async and streaming. Thread-safe; obtained from {@link ChatWire#chat()}.
 *
 * <pre>{@code
 * ChatCompletion c = client.chat().create(request);
 * try (ChatStream s = client.chat().stream(request)) {
 *   for (String text : s.textDeltas()) System.out.print(text);
 *   ChatCompletion whole = s.getCompletion();
 * }
 * }</pre>
 */
public final class ChatCompletions {
  /** Identifies ChatWire to servers. */
  static final String USER_AGENT = "chatwire-java/0.1.0";

  private final ChatWire client;
  // Computed once and kept: what every call of this client would compute the same way.
  private volatile @Nullable URI uri;
  private volatile @Nullable KnownHeaders streamHeaders;
  private volatile @Nullable KnownHeaders plainHeaders;

  ChatCompletions(ChatWire client) {
    this.client = client;
  }

  /**
   * Sends {@code request} and waits for the completion on this thread. On a transport whose reads
   * block (OkHttp) the first attempt is carried on this thread, with no hand-off to another; an
   * interrupt of this thread cancels the call (while the head is awaited, within about a second:
   * a socket read does not notice an interrupt, so it is checked once a second).
   */
  public ChatCompletion create(ChatCompletionRequest request) {
    return create(request, RequestOptions.none());
  }

  /** Sends {@code request} with per-request options and waits for the completion. */
  public ChatCompletion create(ChatCompletionRequest request, RequestOptions options) {
    KeyMask seen = new KeyMask();
    RealCall<ChatCompletion> call =
        new RealCall<>(
            env(nonStreaming(request), false, options, seen), new CompletionSink(seen), null);
    call.start(true);
    call.awaitUntil(() -> false);
    ChatWireException failure = call.failure();
    if (failure != null) throw failure;
    ChatCompletion result = call.result();
    if (result == null) throw new CancelledException("the call ended without a result", null);
    return result;
  }

  /**
   * Sends {@code request} without blocking; the future completes on a transport thread.
   * Cancelling the future cancels the call and releases its connection.
   */
  public CompletableFuture<ChatCompletion> createAsync(ChatCompletionRequest request) {
    return createAsync(request, RequestOptions.none());
  }

  /** Sends {@code request} with options without blocking. */
  public CompletableFuture<ChatCompletion> createAsync(
      ChatCompletionRequest request, RequestOptions options) {
    CallFuture<ChatCompletion> future = new CallFuture<>();
    KeyMask seen = new KeyMask();
    RealCall<ChatCompletion> call =
        new RealCall<>(
            env(nonStreaming(request), false, options, seen), new CompletionSink(seen), future);
    future.call = call;
    call.start();
    return future;
  }

  /**
   * Streams the completion: an iterable of chunks read on the iterating thread, with the
   * accumulated completion at the end. Sets {@code stream: true} and, unless the request sets
   * {@code stream_options} or the client was built with {@code streamUsage(false)}, asks for usage
   * in the last chunk. Close it to stop early; it releases
   * the connection. Returns at once: {@link ChatStream#close()} works from any thread while the
   * response head is awaited. The request is sent at once, or, on a blocking transport (OkHttp),
   * by the first iteration when it comes within a millisecond, which then carries it up to the
   * response head on its own thread (two thread hand-offs fewer before the first chunk); an
   * iteration that comes later finds it sent. While an iteration carries the request, a socket
   * read does not notice an interrupt: an interrupt of the iterating thread then cancels the stream
   * within about a second (the next check), as for {@link #create}.
   */
  public ChatStream stream(ChatCompletionRequest request) {
    return stream(request, RequestOptions.none());
  }

  /** Streams with per-request options. */
  public ChatStream stream(ChatCompletionRequest request, RequestOptions options) {
    KeyMask seen = new KeyMask();
    StreamSink sink = new StreamSink(null, seen);
    RealCall<ChatCompletion> call = new RealCall<>(env(streaming(request), true, options, seen), sink, null);
    sink.attach(call);
    ChatStream stream = new RealChatStream(call, sink, StreamEvents.forRequest(request));
    call.startForConsumer();
    return stream;
  }

  /**
   * Streams without blocking: {@code listener} receives each chunk on a transport thread (never
   * concurrently), then the end. The returned future completes with the accumulated completion;
   * cancelling it stops the stream and releases the connection.
   */
  public CompletableFuture<ChatCompletion> streamAsync(
      ChatCompletionRequest request, StreamListener listener) {
    return streamAsync(request, listener, RequestOptions.none());
  }

  /** Streams without blocking, with per-request options. */
  public CompletableFuture<ChatCompletion> streamAsync(
      ChatCompletionRequest request, StreamListener listener, RequestOptions options) {
    KeyMask seen = new KeyMask();
    StreamSink sink = new StreamSink(listener, seen);
    CallFuture<ChatCompletion> future = new CallFuture<>(sink);
    RealCall<ChatCompletion> call =
        new RealCall<>(env(streaming(request), true, options, seen), sink, future);
    sink.attach(call);
    future.call = call;
    call.start();
    return future;
  }

  private static ChatCompletionRequest nonStreaming(ChatCompletionRequest request) {
    if (Boolean.TRUE.equals(request.getStream())) {
      return request.toBuilder().stream(null).streamOptions(null).build();
    }
    return request;
  }

  private ChatCompletionRequest streaming(ChatCompletionRequest request) {
    ChatCompletionRequest.Builder b = request.toBuilder().stream(true);
    if (request.getStreamOptions() == null && client.streamUsage) {
      b.streamOptions(StreamOptions.withUsage());
    }
    return b.build();
  }

  private CallEnv env(
      ChatCompletionRequest request, boolean stream, RequestOptions options, KeyMask seen) {
    if (client.isClosed()) throw new IllegalStateException("this ChatWire client is closed");
    byte[] body = RequestCodec.write(request);
    Timeouts timeouts = options.getTimeouts() != null ? options.getTimeouts() : client.timeouts;
    RetryPolicy retry =
        options.getRetryPolicy() != null ? options.getRetryPolicy() : client.retryPolicy;
    URI uri = uri();
    Supplier<HttpRequest> factory =
        () -> HttpRequest.builder()
            .method("POST")
            .uri(uri)
            .headers(headers(stream, options.getHeaders(), seen))
            .body(body)
            .build();
    EventListener listener = client.eventListeners.create(request);
    return new CallEnv(
        client.transport, client.scheduler, timeouts, retry, listener, factory, seen, request);
  }

  /** The endpoint's URI: the client's base URL and query parameters never change. */
  private URI uri() {
    URI u = uri;
    if (u == null) uri = u = buildUri();
    return u;
  }

  private URI buildUri() {
    String base = client.baseUrl;
    int q = base.indexOf('?');
    StringBuilder sb =
        new StringBuilder(base.length() + 32).append(base, 0, q < 0 ? base.length() : q)
            .append("/chat/completions");
    char sep = '?';
    if (q >= 0 && q + 1 < base.length()) {
      sb.append(base, q, base.length());
      sep = '&';
    }
    for (Map.Entry<String, String> e : client.queryParameters.entrySet()) {
      sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  private static String encode(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private Headers headers(boolean stream, Headers extra, KeyMask seen) {
    String key = client.apiKey == null ? null : client.apiKey.get();
    seen.key = key;
    Secrets.remember(key);
    KnownHeaders known = stream ? streamHeaders : plainHeaders;
    if (extra.size() == 0 && known != null && Objects.equals(known.key, key)) return known.headers;
    Headers headers = buildHeaders(stream, extra, key);
    if (extra.size() == 0) {
      if (stream) streamHeaders = new KnownHeaders(key, headers);
      else plainHeaders = new KnownHeaders(key, headers);
    }
    return headers;
  }

  /** The headers of the last call without headers of its own, and the key they carry. */
  private static final class KnownHeaders {
    final @Nullable String key;
    final Headers headers;

    KnownHeaders(@Nullable String key, Headers headers) {
      this.key = key;
      this.headers = headers;
    }
  }

  private Headers buildHeaders(boolean stream, Headers extra, @Nullable String key) {
    Headers.Builder h = client.defaultHeaders.toBuilder();
    h.set("Content-Type", "application/json");
    h.set("Accept", stream ? "text/event-stream" : "application/json");
    if (client.defaultHeaders.get("User-Agent") == null) h.set("User-Agent", USER_AGENT);
    if (key != null && !key.isEmpty()) {
      if (client.azureKeyHeader) h.set("api-key", key);
      else h.set("Authorization", "Bearer " + key);
    }
    for (int i = 0; i < extra.size(); i++) h.remove(extra.name(i));
    for (int i = 0; i < extra.size(); i++) h.add(extra.name(i), extra.value(i));
    Headers headers = h.build();
    dev.chatwire.internal.HeaderRules.check(headers); // the key, too, before any transport sees it
    return headers;
  }

  /**
   * Hides the key a call sent wherever a provider's error echoed it (in the message and in the
   * kept body); keys without a recognizable prefix would escape the pattern-based redaction.
   */
  private static final class KeyMask implements UnaryOperator<String> {
    volatile @Nullable String key;

    @Override
    public String apply(String text) {
      String k = key;
      return Secrets.redact(k == null || k.length() < 8 ? text : text.replace(k, "██"));
    }
  }

  /** A future whose cancellation cancels the call. */
  private static final class CallFuture<T> extends CompletableFuture<T>
      implements RealCall.Callback<T> {
    volatile @Nullable RealCall<T> call;
    private final @Nullable StreamSink stream;

    CallFuture() {
      this(null);
    }

    CallFuture(@Nullable StreamSink stream) {
      this.stream = stream;
    }

    @Override
    public void onSuccess(T result) {
      if (stream != null) stream.end((ChatCompletion) result, null);
      complete(result);
    }

    @Override
    public void onFailure(ChatWireException error) {
      if (stream != null) stream.end(null, error);
      completeExceptionally(error);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      RealCall<T> c = call;
      if (c != null) c.cancel("the future was cancelled");
      return cancelled;
    }
  }
}
