package dev.chatwire;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The client's timers. Defaults: connect 10 s, response headers 60 s (a model may think before it
 * answers), idle between reads 60 s, and no total deadline, so a stream that keeps flowing is
 * bounded only by the idle timeout. Any bytes reset the idle timer, SSE comments included.
 * Immutable; {@code null} means "no limit" for the total deadline only.
 *
 * <pre>{@code
 * Timeouts t = Timeouts.defaults().toBuilder().idle(Duration.ofSeconds(30)).build();
 * }</pre>
 */
public final class Timeouts {
  private static final Timeouts DEFAULTS = new Builder().build();

  private final Duration connect;
  private final Duration responseHeaders;
  private final Duration idle;
  private final @Nullable Duration total;

  private Timeouts(Builder b) {
    this.connect = b.connect;
    this.responseHeaders = b.responseHeaders;
    this.idle = b.idle;
    this.total = b.total;
  }

  /** The default timeouts. */
  public static Timeouts defaults() {
    return DEFAULTS;
  }

  /** Starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these values. */
  public Builder toBuilder() {
    return new Builder().connect(connect).responseHeaders(responseHeaders).idle(idle).total(total);
  }

  /**
   * How long opening a connection (TCP and TLS, or waiting for a pooled one) may take; timed by
   * the client's scheduler until the transport reports the connection up.
   */
  public Duration getConnect() {
    return connect;
  }

  /** How long after sending the response headers may take to arrive. */
  public Duration getResponseHeaders() {
    return responseHeaders;
  }

  /** The longest gap between two reads of the body. */
  public Duration getIdle() {
    return idle;
  }

  /** The deadline of the whole call, retries included, or null for none. */
  public @Nullable Duration getTotal() {
    return total;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof Timeouts)) return false;
    Timeouts t = (Timeouts) o;
    return connect.equals(t.connect) && responseHeaders.equals(t.responseHeaders)
        && idle.equals(t.idle) && Objects.equals(total, t.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(connect, responseHeaders, idle, total);
  }

  @Override
  public String toString() {
    return "Timeouts{connect=" + connect + ", responseHeaders=" + responseHeaders + ", idle=" + idle
        + ", total=" + total + '}';
  }

  /** Builds {@link Timeouts}; not thread-safe. */
  public static final class Builder {
    private Duration connect = Duration.ofSeconds(10);
    private Duration responseHeaders = Duration.ofSeconds(60);
    private Duration idle = Duration.ofSeconds(60);
    private @Nullable Duration total;

    Builder() {}

    /** Sets the connect timeout (positive). */
    public Builder connect(Duration connect) {
      this.connect = positive(connect, "connect");
      return this;
    }

    /** Sets the response-headers timeout (positive). */
    public Builder responseHeaders(Duration responseHeaders) {
      this.responseHeaders = positive(responseHeaders, "responseHeaders");
      return this;
    }

    /** Sets the idle timeout between reads (positive). */
    public Builder idle(Duration idle) {
      this.idle = positive(idle, "idle");
      return this;
    }

    /** Sets the whole-call deadline, or null for none. */
    public Builder total(@Nullable Duration total) {
      this.total = total == null ? null : positive(total, "total");
      return this;
    }

    private static Duration positive(Duration d, String name) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " timeout must be positive: " + d);
      }
      return d;
    }

    /** The immutable timeouts. */
    public Timeouts build() {
      return new Timeouts(this);
    }
  }
}
