package dev.chatwire.cli;

import dev.chatwire.error.ApiException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ChatWireTimeoutException;
import dev.chatwire.error.ConnectTimeoutException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.error.DeadlineExceededException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.error.TruncatedStreamException;
import dev.chatwire.model.ChatCompletion;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failed call into lines a person understands, each naming what ChatWire tried (the
 * method and URL) and what to do about it, and into the exit status.
 */
final class Failures {
  static final int OK = 0;
  static final int API_ERROR = 1;
  static final int USAGE = 2;
  static final int CONNECTION = 3;
  static final int INTERRUPTED = 130;

  private static final int MAX_QUOTE = 200;

  /** The exit status and the lines for standard error. */
  static final class Report {
    final int status;
    final List<String> lines;

    Report(int status, List<String> lines) {
      this.status = status;
      this.lines = lines;
    }
  }

  private Failures() {}

  /**
   * Describes {@code e}, thrown by {@code method url}. {@code o} says which options set the timers
   * and the key.
   */
  static Report describe(ChatWireException e, String method, URI url, Options o) {
    String target = method + " " + url;
    List<String> lines = new ArrayList<>();
    if (e instanceof ApiException) {
      api((ApiException) e, target, url, o, lines);
      return new Report(API_ERROR, lines);
    }
    int status = CONNECTION;
    if (e instanceof ChatWireTimeoutException) {
      timeout((ChatWireTimeoutException) e, target, url, o, lines);
    } else if (e instanceof TruncatedStreamException) {
      lines.add("the stream from " + target + " ended before the answer did (" + e.getMessage()
          + ")");
    } else if (e instanceof ConnectionException) {
      connection((ConnectionException) e, target, url, lines);
    } else {
      status = API_ERROR;
      lines.add("could not read the answer to " + target + ": " + e.getMessage());
    }
    if (!(e instanceof ConnectionException) || receivedAny(e)) partial(e, lines);
    return new Report(status, lines);
  }

  private static void api(ApiException e, String target, URI url, Options o, List<String> lines) {
    if (e.isInStream()) {
      lines.add("the stream from " + target + " ended with an error event: " + e.getMessage());
      partial(e, lines);
      return;
    }
    int status = e.getStatus();
    String head = "HTTP " + status + reason(status) + " from " + target;
    String message = e.getError().getMessage();
    String body = e.getError().getBody().trim();
    String requestId = e.getRequestId() == null ? "" : " [request id " + e.getRequestId() + "]";
    if (message == null && e.getType() == null && e.getCode() == null && !body.isEmpty()) {
      String type = e.getHeaders().get("content-type");
      lines.add(head + requestId + "; the body is not a JSON error"
          + (type == null ? "" : " (" + type + ")") + ", it starts: " + quote(body));
    } else {
      StringBuilder sb = new StringBuilder(head);
      if (e.getType() != null) sb.append(": ").append(e.getType());
      if (e.getCode() != null) sb.append(" (").append(e.getCode()).append(')');
      if (message != null) sb.append(": ").append(message);
      lines.add(sb.append(requestId).toString());
    }
    if (status == 401) {
      lines.add(o.key == null
          ? "no API key was sent: set $OPENAI_API_KEY or pass --key"
          : "check the API key (from " + (o.keyFromEnv ? "$OPENAI_API_KEY" : "--key")
              + "); it is not shown here");
    } else if (status == 403) {
      lines.add("the key may not use this model or endpoint; check --model and the key's project");
    } else if (status == 404) {
      String hint = v1Hint(url);
      lines.add(hint != null ? hint
          : "check --model (" + o.model + ") and --base-url (" + o.baseUrl + ")");
    } else if (status == 429) {
      Duration after = e.getRetryAfter();
      lines.add("rate limited" + (after == null ? "" : "; the server asks to wait "
          + Durations.format(after)) + "; --retries sets how often ChatWire retries");
    }
  }

  /** Suggests {@code /v1} when the base URL's path lacks it; null when it has it. */
  static @Nullable String v1Hint(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (path.contains("/v1")) return null;
    String base = path.endsWith("/chat/completions")
        ? path.substring(0, path.length() - "/chat/completions".length())
        : path.endsWith("/models") ? path.substring(0, path.length() - "/models".length()) : path;
    String authority = url.getScheme() + "://" + url.getRawAuthority();
    return "the base URL " + authority + base + " has no /v1; most servers want --base-url "
        + authority + base + "/v1";
  }

  private static void timeout(
      ChatWireTimeoutException e, String target, URI url, Options o, List<String> lines) {
    String limit = Durations.format(e.getTimeout());
    if (e instanceof ConnectTimeoutException) {
      lines.add("could not connect to " + hostAndPort(url) + " for " + target + " within " + limit
          + " (" + (o.connectTimeout == null ? "the default " : "") + "--connect-timeout"
          + ")");
    } else if (e instanceof ResponseTimeoutException) {
      lines.add("the server took the request " + target + " but sent no response within " + limit
          + " (" + (o.timeout == null ? "the default response timeout; set --timeout" : "--timeout")
          + ")");
    } else if (e instanceof IdleTimeoutException) {
      lines.add("the answer to " + target + " stalled: no bytes for " + limit + " ("
          + (o.idleTimeout == null ? "the default --idle-timeout" : "--idle-timeout") + ")");
    } else if (e instanceof DeadlineExceededException) {
      lines.add(target + " did not finish within " + limit + " (--timeout)");
    } else {
      lines.add(target + ": " + e.getMessage());
    }
  }

  private static void connection(
      ConnectionException e, String target, URI url, List<String> lines) {
    UnknownHostException unknown = find(e, UnknownHostException.class);
    if (unknown != null) {
      lines.add("could not connect to " + target + ": unknown host " + url.getHost()
          + "; check --base-url");
    } else if (find(e, ProtocolException.class) != null) {
      lines.add("the answer to " + target + " is not HTTP (" + e.getMessage() + ")");
      if ("https".equalsIgnoreCase(url.getScheme())) return;
      lines.add("if the server speaks TLS, use https:// in --base-url");
    } else if (find(e, SSLException.class) != null) {
      lines.add("TLS with " + hostAndPort(url) + " failed for " + target + " (" + e.getMessage()
          + ")");
    } else if (!receivedAny(e) && find(e, ConnectException.class) != null) {
      lines.add("could not connect to " + target + ": connection refused by " + hostAndPort(url)
          + "; is the server running, and is --base-url right?");
    } else if (!receivedAny(e) && find(e, NoRouteToHostException.class) != null) {
      lines.add("could not connect to " + target + ": no route to " + hostAndPort(url));
    } else if (receivedAny(e)) {
      lines.add("the connection for " + target + " broke in the middle of the answer ("
          + e.getMessage() + ")");
    } else {
      lines.add("the connection for " + target + " failed: " + e.getMessage());
    }
  }

  private static boolean receivedAny(ChatWireException e) {
    return e.getPartialCompletion() != null;
  }

  /** Says what arrived before the failure. */
  private static void partial(ChatWireException e, List<String> lines) {
    ChatCompletion p = e.getPartialCompletion();
    String text = p == null ? "" : Answers.text(p);
    lines.add(text.isEmpty() ? "nothing of the answer had arrived"
        : "what arrived first (" + text.length() + " characters): " + quote(text));
  }

  static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ").trim();
    return '"' + (oneLine.length() > MAX_QUOTE ? oneLine.substring(0, MAX_QUOTE) + "…" : oneLine)
        + '"';
  }

  static String hostAndPort(URI uri) {
    int port = uri.getPort();
    if (port < 0) port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return uri.getHost() + ":" + port;
  }

  private static <T extends Throwable> @Nullable T find(Throwable e, Class<T> type) {
    Throwable t = e;
    for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }

  /** The reason phrase of common statuses, with a leading space; empty for others. */
  static String reason(int status) {
    switch (status) {
      case 400: return " Bad Request";
      case 401: return " Unauthorized";
      case 403: return " Forbidden";
      case 404: return " Not Found";
      case 405: return " Method Not Allowed";
      case 408: return " Request Timeout";
      case 409: return " Conflict";
      case 413: return " Payload Too Large";
      case 422: return " Unprocessable Entity";
      case 429: return " Too Many Requests";
      case 500: return " Internal Server Error";
      case 502: return " Bad Gateway";
      case 503: return " Service Unavailable";
      case 504: return " Gateway Timeout";
      default: return "";
    }
  }
}
