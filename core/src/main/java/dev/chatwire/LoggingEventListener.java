package dev.chatwire;

import dev.chatwire.error.ApiException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.internal.Secrets;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Choice;
import dev.chatwire.model.Usage;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Logs every call as lines of text: what was sent, the status and timings, retries, the usage and
 * the outcome; with {@link Level#HEADERS} the headers, with {@link Level#BODY} the bodies. The
 * key never appears: {@code Authorization}, {@code api-key}, cookies and every other header that
 * {@link Headers#isSensitive} names print as {@code ██}, and every line passes through the
 * redaction of ChatWire's error messages (keys this process sent, {@code Bearer …}, {@code sk-…}).
 *
 * <p>Without code: set the environment variable {@code CHATWIRE_LOG} or the system property
 * {@code chatwire.log} (which wins) to {@code basic} (alias {@code info}), {@code headers} (alias
 * {@code debug}) or {@code body}; {@link ChatWire.Builder#build()} reads it once and adds this
 * listener, logging to {@code java.util.logging} logger {@code dev.chatwire} at {@code INFO},
 * beside the listener given in code. {@code off} or an empty value logs nothing.
 *
 * <p>With code it is an {@link EventListener.Factory} (one listener per call); the sink is any
 * logger. Lines of one call share a prefix {@code [chatwire N]}; the sink is called on the call's
 * threads (see {@link EventListener}) and must be thread-safe.
 *
 * <pre>{@code
 * ChatWire.builder().eventListenerFactory(LoggingEventListener.builder()
 *     .level(LoggingEventListener.Level.HEADERS)
 *     .sink(line -> log.debug(line))   // SLF4J, System.Logger, Log.d on Android, ...
 *     .build());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * ChatWire.builder().eventListenerFactory(LoggingEventListener.builder().sink { log.debug(it) }.build())
 * }</pre>
 */
public final class LoggingEventListener implements EventListener.Factory {
  /** The environment variable that turns logging on without code. */
  public static final String ENVIRONMENT_VARIABLE = "CHATWIRE_LOG";
  /** The system property that turns logging on without code; it wins over the variable. */
  public static final String SYSTEM_PROPERTY = "chatwire.log";

  /** How much is logged. Each level logs what the one before it does, and more. */
  public enum Level {
    /** One line per request, response, first chunk, retry and outcome, with timings and usage. */
    BASIC,
    /** Also the request and response headers, credentials hidden. */
    HEADERS,
    /** Also the request body, each chunk or the completion, and an error's body. */
    BODY
  }

  /** Where lines go: a logger of the caller's choice. Called on the calls' threads. */
  @FunctionalInterface
  public interface Sink {
    /** Logs one line. */
    void log(String line);
  }

  private final Level level;
  private final Sink sink;
  private final AtomicLong calls = new AtomicLong();

  private LoggingEventListener(Builder b) {
    this.level = b.level;
    this.sink = b.sink;
  }

  /** Starts configuring a logging listener: {@link Level#BASIC} to {@code java.util.logging}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The level. */
  public Level getLevel() {
    return level;
  }

  @Override
  public EventListener create(ChatCompletionRequest request) {
    return new CallLog(this, calls.incrementAndGet());
  }

  /**
   * The listener {@code CHATWIRE_LOG} or {@code chatwire.log} asks for, or null when neither is
   * set (or is {@code off}).
   *
   * @throws IllegalArgumentException for a value that names no level
   */
  static @Nullable LoggingEventListener fromEnvironment() {
    String property = System.getProperty(SYSTEM_PROPERTY);
    String value = property != null ? property : System.getenv(ENVIRONMENT_VARIABLE);
    Level level = parse(value, property != null ? SYSTEM_PROPERTY : ENVIRONMENT_VARIABLE);
    return level == null ? null : builder().level(level).build();
  }

  static @Nullable Level parse(@Nullable String value, String source) {
    if (value == null) return null;
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "":
      case "off":
      case "none":
        return null;
      case "basic":
      case "info":
        return Level.BASIC;
      case "headers":
      case "debug":
        return Level.HEADERS;
      case "body":
        return Level.BODY;
      default:
        throw new IllegalArgumentException(source + " must be one of off, basic (info), headers"
            + " (debug) or body; it is \"" + Secrets.redact(value) + "\"");
    }
  }

  /** Configures a {@link LoggingEventListener}; not thread-safe. */
  public static final class Builder {
    private Level level = Level.BASIC;
    private Sink sink = julSink();

    Builder() {}

    /** How much to log; {@link Level#BASIC} by default. */
    public Builder level(Level level) {
      this.level = Objects.requireNonNull(level, "level");
      return this;
    }

    /** Where lines go; by default {@code java.util.logging} logger {@code dev.chatwire} at INFO. */
    public Builder sink(Sink sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** The listener factory. */
    public LoggingEventListener build() {
      return new LoggingEventListener(this);
    }
  }

  private static Sink julSink() {
    Logger logger = Logger.getLogger("dev.chatwire");
    return logger::info;
  }

  /** The listener of one call. */
  private static final class CallLog extends EventListener {
    private final LoggingEventListener config;
    private final String prefix;
    private volatile boolean started;
    private volatile long callStarted;
    private volatile long attemptStarted;
    private volatile int status;
    private volatile boolean stream;
    private volatile boolean firstChunk = true;
    /** The credential this call sends, hidden wherever else it shows (a header echoing it). */
    private volatile @Nullable String credential;

    CallLog(LoggingEventListener config, long number) {
      this.config = config;
      this.prefix = "[chatwire " + number + "] ";
    }

    private void log(String line) {
      String c = credential;
      String shown = c == null ? line : line.replace(c, "██");
      config.sink.log(Secrets.redact(prefix + shown));
    }

    /** Learns the credential from the request's own sensitive headers. */
    private void learnCredential(Headers headers) {
      for (int i = 0; i < headers.size(); i++) {
        if (!Headers.isSensitive(headers.name(i))) continue;
        String v = headers.value(i);
        if (v.regionMatches(true, 0, "Bearer ", 0, 7)) v = v.substring(7);
        v = v.trim();
        if (v.length() >= 8) credential = v;
      }
    }

    private boolean at(Level l) {
      return config.level.compareTo(l) >= 0;
    }

    @Override
    public void callStart(ChatCompletionRequest request, HttpRequest httpRequest) {
      callStarted = System.nanoTime();
      started = true;
      learnCredential(httpRequest.getHeaders());
      stream = Boolean.TRUE.equals(request.getStream());
      byte[] body = httpRequest.getBody();
      log("--> " + httpRequest.getMethod() + " " + Secrets.redactUri(httpRequest.getUri())
          + " model=" + request.getModel()
          + (stream ? " stream" : "") + " (" + (body == null ? 0 : body.length) + "-byte body)");
      if (at(Level.BODY) && body != null) log(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void attemptStart(HttpRequest request, int attempt) {
      attemptStarted = System.nanoTime();
      learnCredential(request.getHeaders());
      if (attempt > 1) {
        log("--> attempt " + attempt + " " + request.getMethod() + " "
            + Secrets.redactUri(request.getUri()));
      }
      if (at(Level.HEADERS)) headers(request.getHeaders());
    }

    @Override
    public void responseHeaders(int status, Headers headers) {
      this.status = status;
      log("<-- " + status + " (" + millis(attemptStarted) + " ms)");
      if (at(Level.HEADERS)) headers(headers);
    }

    private void headers(Headers headers) {
      for (int i = 0; i < headers.size(); i++) {
        String name = headers.name(i);
        log(name + ": " + (Headers.isSensitive(name) ? "██" : headers.value(i)));
      }
    }

    @Override
    public void chunk(ChatCompletionChunk chunk) {
      if (firstChunk) {
        firstChunk = false;
        log("first chunk after " + millis(callStarted) + " ms");
      }
      if (at(Level.BODY)) log("data: " + ChatJson.write(chunk));
    }

    @Override
    public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
      log("retry " + nextAttempt + " in " + delay.toMillis() + " ms after "
          + reason.getClass().getSimpleName() + ": " + reason.getMessage());
    }

    @Override
    public void callEnd(ChatCompletion completion) {
      StringBuilder line = new StringBuilder("<-- end ").append(status);
      if (completion.getModel() != null) line.append(" model=").append(completion.getModel());
      if (completion.getId() != null) line.append(" id=").append(completion.getId());
      line.append(" finish=");
      String sep = "";
      for (Choice c : completion.getChoices()) {
        line.append(sep).append(c.getFinishReason() == null ? "none" : c.getFinishReason().getValue());
        sep = ",";
      }
      Usage u = completion.getUsage();
      if (u != null) {
        line.append(" usage=").append(u.getPromptTokens()).append(" in + ")
            .append(u.getCompletionTokens()).append(" out = ").append(u.getTotalTokens())
            .append(" tokens");
      }
      log(line.append(" (total ").append(millis(callStarted)).append(" ms)").toString());
      if (at(Level.BODY) && !stream) log(ChatJson.write(completion));
    }

    @Override
    public void callFailed(ChatWireException error) {
      log("<-- failed " + error.getClass().getSimpleName() + ": " + error.getMessage()
          + (!started ? "" : " (total " + millis(callStarted) + " ms)"));
      if (at(Level.BODY) && error instanceof ApiException) {
        String body = ((ApiException) error).getError().getBody();
        if (!body.isEmpty()) log(body);
      }
    }

    private static long millis(long since) {
      return (System.nanoTime() - since) / 1_000_000;
    }
  }
}
