package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code stream_options} of a streaming request: {@code include_usage} asks for a last chunk
 * with the token usage. Members this version does not know (such as {@code include_obfuscation})
 * are kept in {@link #getExtras()}. Immutable and thread-safe.
 *
 * <p>Options that ask for nothing ({@link #withoutUsage()}, or an empty builder) are not written
 * at all: a request with them sends no {@code stream_options} field, which servers that refuse
 * the field (Mistral, Fireworks, Databricks, strict proxies) accept.
 *
 * <pre>{@code
 * request.toBuilder().streamOptions(StreamOptions.withoutUsage()).build();   // no stream_options
 * }</pre>
 */
public final class StreamOptions {
  private final @Nullable Boolean includeUsage;
  private final Map<String, String> extras;

  private StreamOptions(Builder b) {
    this.includeUsage = b.includeUsage;
    this.extras = Maps.copy(b.extras);
  }

  /** Options with {@code include_usage: true}. */
  public static StreamOptions withUsage() {
    return builder().includeUsage(true).build();
  }

  /**
   * Options that ask for no usage chunk; a request with them sends no {@code stream_options}
   * field at all. The stream still ends with a complete {@code ChatCompletion}, without usage.
   */
  public static StreamOptions withoutUsage() {
    return builder().includeUsage(false).build();
  }

  /** Starts building stream options. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these options' values. */
  public Builder toBuilder() {
    return new Builder().includeUsage(includeUsage).extras(extras);
  }

  /** Whether the stream ends with a usage chunk, or null when not set. */
  public @Nullable Boolean getIncludeUsage() {
    return includeUsage;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof StreamOptions)) return false;
    StreamOptions that = (StreamOptions) o;
    return Objects.equals(includeUsage, that.includeUsage) && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(includeUsage, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("StreamOptions")
        .add("includeUsage", includeUsage).add("extras", extras).toString();
  }

  /** Builds {@link StreamOptions}; not thread-safe. */
  public static final class Builder {
    private @Nullable Boolean includeUsage;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets {@code include_usage}. */
    public Builder includeUsage(@Nullable Boolean includeUsage) {
      this.includeUsage = includeUsage;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras.clear();
      this.extras.putAll(extras);
      return this;
    }

    /** The immutable options. */
    public StreamOptions build() {
      return new StreamOptions(this);
    }
  }
}
