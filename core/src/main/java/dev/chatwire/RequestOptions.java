package dev.chatwire;

import dev.chatwire.transport.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Per-request overrides of the client's settings: timeouts, retries and extra headers. Immutable.
 *
 * <pre>{@code
 * RequestOptions o = RequestOptions.builder()
 *     .timeouts(Timeouts.builder().total(Duration.ofSeconds(20)).build())
 *     .header("x-trace-id", traceId)
 *     .build();
 * client.chat().create(request, o);
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  private final @Nullable Timeouts timeouts;
  private final @Nullable RetryPolicy retryPolicy;
  private final Headers headers;

  private RequestOptions(Builder b) {
    this.timeouts = b.timeouts;
    this.retryPolicy = b.retryPolicy;
    this.headers = b.headers.build();
  }

  /** No overrides. */
  public static RequestOptions none() {
    return NONE;
  }

  /** Starts building options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The timeouts for this request, or null for the client's. */
  public @Nullable Timeouts getTimeouts() {
    return timeouts;
  }

  /** The retry policy for this request, or null for the client's. */
  public @Nullable RetryPolicy getRetryPolicy() {
    return retryPolicy;
  }

  /** Headers added to this request, replacing client defaults of the same name. */
  public Headers getHeaders() {
    return headers;
  }

  @Override
  public String toString() {
    return "RequestOptions{timeouts=" + timeouts + ", retryPolicy=" + retryPolicy + ", headers="
        + headers + '}';
  }

  /** Builds {@link RequestOptions}; not thread-safe. */
  public static final class Builder {
    private @Nullable Timeouts timeouts;
    private @Nullable RetryPolicy retryPolicy;
    private final Headers.Builder headers = Headers.builder();

    Builder() {}

    /** Overrides the timeouts. */
    public Builder timeouts(@Nullable Timeouts timeouts) {
      this.timeouts = timeouts;
      return this;
    }

    /** Overrides the retry policy. */
    public Builder retryPolicy(@Nullable RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** Adds a header, replacing a client default of the same name. */
    public Builder header(String name, String value) {
      dev.chatwire.internal.HeaderRules.check(name, value);
      headers.add(name, value);
      return this;
    }

    /** The immutable options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
