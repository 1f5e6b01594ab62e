package dev.chatwire.cli;

import dev.chatwire.EventListener;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.time.Duration;
import java.util.Locale;

/** {@code --verbose}: each attempt, its status, request id and rate limits, and each retry. */
final class VerboseListener extends EventListener {
  private final Terminal terminal;
  private final String transport;

  VerboseListener(Terminal terminal, String transport) {
    this.terminal = terminal;
    this.transport = transport;
  }

  @Override
  public void attemptStart(HttpRequest request, int attempt) {
    request(terminal, request, attempt, transport);
  }

  @Override
  public void responseHeaders(int status, Headers headers) {
    response(terminal, status, headers);
  }

  @Override
  public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
    terminal.info("* attempt " + nextAttempt + " in " + Durations.format(delay) + ", after: "
        + reason.getMessage());
  }

  static void request(Terminal terminal, HttpRequest request, int attempt, String transport) {
    terminal.info("> " + request.getMethod() + " " + request.getUri() + " (attempt " + attempt
        + ", transport " + transport + ")");
  }

  /** The status line, the request id and every {@code x-ratelimit-*} header. */
  static void response(Terminal terminal, int status, Headers headers) {
    String id = headers.get("x-request-id");
    if (id == null) id = headers.get("apim-request-id");
    terminal.info("< HTTP " + status + Failures.reason(status)
        + (id == null ? "" : ", request id " + id));
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i).toLowerCase(Locale.ROOT);
      if (name.startsWith("x-ratelimit-") || name.equals("retry-after")
          || name.equals("openai-processing-ms")) {
        terminal.info("< " + name + ": " + headers.value(i));
      }
    }
  }
}
