package dev.chatwire.cli;

import dev.chatwire.error.ApiError;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.transport.Exchange;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import dev.chatwire.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@code --models}: {@code GET {base}/models} straight over the transport SPI (core has no models
 * call), printing one model id a line.
 */
final class ModelList {
  private static final int MAX_BODY = 8 << 20;
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Options o;
  private final Terminal terminal;
  private final Interruption interruption;

  ModelList(Options o, Terminal terminal, Interruption interruption) {
    this.o = o;
    this.terminal = terminal;
    this.interruption = interruption;
  }

  /** {@code {base}/models}, keeping a query the base URL has. */
  static URI uri(String baseUrl) {
    int q = baseUrl.indexOf('?');
    String path = q < 0 ? baseUrl : baseUrl.substring(0, q);
    while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
    return URI.create(path + "/models" + (q < 0 ? "" : baseUrl.substring(q)));
  }

  int run(Transport transport) {
    URI uri = uri(o.baseUrl);
    HttpRequest.Builder request = HttpRequest.builder().method("GET").uri(uri)
        .header("accept", "application/json");
    if (o.key != null) request.header("authorization", "Bearer " + o.key);
    if (o.verbose) VerboseListener.request(terminal, request.build(), 1, o.transport);
    Duration timeout = o.timeout != null ? o.timeout : DEFAULT_TIMEOUT;
    Body body = new Body();
    Exchange exchange = transport.execute(request.build(), body);
    body.exchange = exchange;
    interruption.onCancel(exchange::cancel);
    exchange.request();
    try {
      body.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel();
      return fail(new ResponseTimeoutException(timeout, null, null), uri);
    } catch (ExecutionException e) {
      if (interruption.isInterrupted()) return Failures.INTERRUPTED;
      IOException cause = e.getCause() instanceof IOException ? (IOException) e.getCause()
          : new IOException(e.getCause());
      return fail(new ConnectionException("GET " + uri + " failed (" + cause + ")", cause, null),
          uri);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.cancel();
      return Failures.INTERRUPTED;
    }
    if (o.verbose) VerboseListener.response(terminal, body.status, body.headers);
    return print(uri, body);
  }

  private int print(URI uri, Body body) {
    byte[] bytes = body.bytes.toByteArray();
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (body.status == 404) {
      terminal.error("the server has no model list: GET " + uri + " answered HTTP 404 Not Found");
      String hint = Failures.v1Hint(uri);
      if (hint != null) terminal.error(hint);
      return Failures.API_ERROR;
    }
    if (body.status < 200 || body.status > 299) {
      ApiError error = Json.error(text);
      return fail(new ApiException(body.status, error, requestId(body.headers), body.headers, null),
          uri);
    }
    List<String> ids = Json.modelIds(bytes);
    if (ids == null) {
      terminal.error("GET " + uri + " answered HTTP " + body.status
          + " but not with a JSON model list ({\"data\": [...]}); it starts: "
          + Failures.quote(text));
      return Failures.API_ERROR;
    }
    ids.forEach(terminal.out::println);
    terminal.out.flush();
    return Failures.OK;
  }

  private static @Nullable String requestId(Headers headers) {
    String id = headers.get("x-request-id");
    return id != null ? id : headers.get("apim-request-id");
  }

  private int fail(ChatWireException e, URI uri) {
    Failures.Report report = Failures.describe(e, "GET", uri, o);
    report.lines.forEach(terminal::error);
    return report.status;
  }

  /** Collects the response; completes {@link #done} at its end. */
  private static final class Body implements ResponseHandler {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    volatile @Nullable Exchange exchange;
    volatile int status;
    volatile Headers headers = Headers.EMPTY;

    @Override
    public void onResponse(int status, Headers headers) {
      this.status = status;
      this.headers = headers;
    }

    @Override
    public void onBody(ByteBuffer buffer) {
      int n = Math.min(buffer.remaining(), MAX_BODY - bytes.size());
      byte[] copy = new byte[n];
      buffer.get(copy);
      bytes.write(copy, 0, n);
      Exchange e = exchange;
      if (e == null) return;
      if (bytes.size() >= MAX_BODY) {
        e.cancel();
        done.complete(null);
      } else {
        e.request();
      }
    }

    @Override
    public void onComplete() {
      done.complete(null);
    }

    @Override
    public void onError(IOException error) {
      done.completeExceptionally(error);
    }
  }
}
