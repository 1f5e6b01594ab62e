package dev.chatwire;

import dev.chatwire.error.ChatWireException;
import dev.chatwire.internal.Transports;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.Transport;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A client for an OpenAI-compatible Chat Completions API. Build one per endpoint and share it:
 * it is immutable and thread-safe. It closes only the transport it created itself.
 *
 * <pre>{@code
 * // Java
 * try (ChatWire client = ChatWire.builder().apiKey(System.getenv("OPENAI_API_KEY")).build()) {
 *   ChatCompletion c = client.chat().create(ChatCompletionRequest.builder()
 *       .model("gpt-4o-mini").addUserMessage("Hello").build());
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val client = ChatWire.builder().baseUrl("http://localhost:11434/v1").build()
 * client.chat().stream(request).use { s -> s.forEach { print(it.choices.firstOrNull()?.delta?.content ?: "") } }
 * }</pre>
 *
 * <p>With no {@link Builder#transport transport} given, the one transport module on the class
 * path is found with {@link java.util.ServiceLoader}. Ollama, vLLM, llama.cpp, Groq and OpenRouter
 * work by base URL alone; no key is sent when none is set. Azure OpenAI: {@link
 * Builder#azureDeployment}.
 */
public final class ChatWire implements AutoCloseable {
  /** OpenAI's API. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  final String baseUrl;
  final @Nullable Supplier<@Nullable String> apiKey;
  final boolean azureKeyHeader;
  final Headers defaultHeaders;
  final Map<String, String> queryParameters;
  final Transport transport;
  private final boolean ownsTransport;
  final Timeouts timeouts;
  final RetryPolicy retryPolicy;
  final EventListener.Factory eventListeners;
  final Scheduler scheduler;
  final boolean streamUsage;
  private final ChatCompletions chat;
  private volatile boolean closed;

  private ChatWire(Builder b, EventListener.Factory eventListeners) {
    this.baseUrl = b.baseUrl;
    this.apiKey = b.apiKey;
    this.azureKeyHeader = b.azureKeyHeader;
    this.defaultHeaders = b.headers.build();
    this.queryParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
    this.ownsTransport = b.transport == null;
    this.transport = b.transport != null ? b.transport : Transports.discover();
    this.timeouts = b.timeouts;
    this.retryPolicy = b.retryPolicy;
    this.eventListeners = eventListeners;
    this.scheduler = b.scheduler;
    this.streamUsage = b.streamUsage;
    this.chat = new ChatCompletions(this);
  }

  /** Starts configuring a client. */
  public static Builder builder() {
    return new Builder();
  }

  /** The chat completions endpoint: blocking, async and streaming calls. */
  public ChatCompletions chat() {
    return chat;
  }

  /** The base URL requests go to, such as {@code https://api.openai.com/v1}. */
  public String getBaseUrl() {
    return baseUrl;
  }

  /** The client's default timeouts. */
  public Timeouts getTimeouts() {
    return timeouts;
  }

  /** The client's default retry policy. */
  public RetryPolicy getRetryPolicy() {
    return retryPolicy;
  }

  /**
   * Closes the transport if this client created it; idempotent. Calls made afterwards throw
   * {@link IllegalStateException} at once and send nothing.
   */
  @Override
  public void close() {
    closed = true;
    if (ownsTransport) transport.close();
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return "ChatWire{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "██")
        + ", transport=" + transport.getClass().getSimpleName() + ", timeouts=" + timeouts
        + ", retryPolicy=" + retryPolicy + '}';
  }

  /** Configures a {@link ChatWire}; not thread-safe. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private @Nullable Supplier<@Nullable String> apiKey;
    private boolean azureKeyHeader;
    private final Headers.Builder headers = Headers.builder();
    private final Map<String, String> query = new LinkedHashMap<>();
    private @Nullable Transport transport;
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private EventListener.Factory eventListeners = request -> EventListener.NONE;
    private Scheduler scheduler = Scheduler.system();
    private boolean streamUsage = true;

    Builder() {}

    /**
     * The API's base URL, up to and without {@code /chat/completions}; a query it has is kept
     * after that path.
     */
    public Builder baseUrl(String baseUrl) {
      URI uri;
      try {
        uri = URI.create(baseUrl);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl is not a valid URL", e);
      }
      String scheme = uri.getScheme();
      // The authority, not the host: java.net.URI finds no host in names with an underscore,
      // such as a docker-compose service "http://vllm_server:8000/v1". The OkHttp transport
      // reaches those; a transport that cannot says so when the request is sent.
      if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getRawAuthority() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL");
      }
      int q = baseUrl.indexOf('?');
      String path = q < 0 ? baseUrl : baseUrl.substring(0, q);
      while (path.endsWith("/")) path = path.substring(0, path.length() - 1);
      this.baseUrl = q < 0 ? path : path + baseUrl.substring(q);
      return this;
    }

    /** A fixed API key, sent as {@code Authorization: Bearer} (Azure: {@code api-key}). */
    public Builder apiKey(@Nullable String apiKey) {
      this.apiKey = apiKey == null ? null : () -> apiKey;
      return this;
    }

    /** A key read before every attempt, for rotating tokens; it may return null for none. */
    public Builder apiKey(Supplier<@Nullable String> apiKeySupplier) {
      this.apiKey = Objects.requireNonNull(apiKeySupplier, "apiKeySupplier");
      return this;
    }

    /** Sends {@code OpenAI-Organization}. */
    public Builder organization(String organization) {
      headers.set("OpenAI-Organization", organization);
      return this;
    }

    /** Sends {@code OpenAI-Project}. */
    public Builder project(String project) {
      headers.set("OpenAI-Project", project);
      return this;
    }

    /** Adds a header to every request. */
    public Builder defaultHeader(String name, String value) {
      dev.chatwire.internal.HeaderRules.check(name, value);
      headers.set(name, value);
      return this;
    }

    /** Adds a query parameter to every request. */
    public Builder defaultQueryParameter(String name, String value) {
      query.put(name, value);
      return this;
    }

    /**
     * Azure OpenAI: requests go to {@code {endpoint}/openai/deployments/{deployment}} with the
     * {@code api-version} query parameter, and the key is sent as {@code api-key}.
     */
    public Builder azureDeployment(String endpoint, String deployment, String apiVersion) {
      String e = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
      baseUrl(e + "/openai/deployments/" + deployment);
      query.put("api-version", apiVersion);
      azureKeyHeader = true;
      return this;
    }

    /** Sends the key as Azure's {@code api-key} header instead of a bearer token. */
    public Builder apiKeyHeader(boolean azureStyle) {
      this.azureKeyHeader = azureStyle;
      return this;
    }

    /** Uses this transport; the caller keeps ownership and closes it. */
    public Builder transport(Transport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** Default timeouts. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
      return this;
    }

    /** Default retry policy. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Observes every call with one shared listener. */
    public Builder eventListener(EventListener eventListener) {
      Objects.requireNonNull(eventListener, "eventListener");
      this.eventListeners = request -> eventListener;
      return this;
    }

    /** Observes each call with a listener of its own, made when the call starts. */
    public Builder eventListenerFactory(EventListener.Factory factory) {
      this.eventListeners = Objects.requireNonNull(factory, "factory");
      return this;
    }

    /**
     * Whether a stream whose request sets no {@code stream_options} asks for the token usage
     * ({@code "stream_options": {"include_usage": true}}); on by default, since OpenAI sends no
     * usage in a stream otherwise. Turn it off for servers that refuse the field (Mistral,
     * Fireworks, Databricks, proxies that forbid extra fields): streams then send no {@code
     * stream_options} and end with a complete completion whose usage is whatever the server sent
     * unasked (null when none). A request's own {@code stream_options} always wins.
     */
    public Builder streamUsage(boolean streamUsage) {
      this.streamUsage = streamUsage;
      return this;
    }

    /** The clock and timer of every timeout and retry delay (virtual time in tests). */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The client. Without a transport, finds exactly one with {@link java.util.ServiceLoader}.
     * Reads {@code CHATWIRE_LOG} and {@code chatwire.log} once: when either asks for logging, a
     * {@link LoggingEventListener} observes every call besides the listener set here.
     *
     * @throws ChatWireException when no transport, or more than one, is on the class path
     * @throws IllegalArgumentException when {@code CHATWIRE_LOG} or {@code chatwire.log} names no
     *     logging level
     */
    public ChatWire build() {
      LoggingEventListener logging = LoggingEventListener.fromEnvironment();
      return new ChatWire(
          this, logging == null ? eventListeners : EventListener.Factory.all(logging, eventListeners));
    }

    @Override
    public String toString() {
      return "ChatWire.Builder{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "██")
          + '}';
    }
  }
}
