package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code image_url} of an image content part: a web address or a {@code data:} URL with the
 * base64 image, and an optional {@code detail} ({@code auto}, {@code low}, {@code high}).
 * {@code toString()} abbreviates long URLs. Immutable and thread-safe.
 */
public final class ImageUrl {
  private final String url;
  private final @Nullable String detail;
  private final Map<String, String> extras;

  private ImageUrl(Builder b) {
    this.url = Objects.requireNonNull(b.url, "url");
    this.detail = b.detail;
    this.extras = Maps.copy(b.extras);
  }

  /** An image by URL (or {@code data:} URL). */
  public static ImageUrl of(String url) {
    return builder().url(url).build();
  }

  /** An image by URL with a detail level. */
  public static ImageUrl of(String url, @Nullable String detail) {
    return builder().url(url).detail(detail).build();
  }

  /** Starts building an image URL. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this image URL's values. */
  public Builder toBuilder() {
    return new Builder().url(url).detail(detail).extras(extras);
  }

  /** The image's URL or {@code data:} URL. */
  public String getUrl() {
    return url;
  }

  /** The detail level, or null when absent. */
  public @Nullable String getDetail() {
    return detail;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ImageUrl)) return false;
    ImageUrl that = (ImageUrl) o;
    return url.equals(that.url) && Objects.equals(detail, that.detail) && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, detail, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("ImageUrl")
        .add("url", url).add("detail", detail).add("extras", extras).toString();
  }

  /** Builds an {@link ImageUrl}; not thread-safe. */
  public static final class Builder {
    private @Nullable String url;
    private @Nullable String detail;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the URL (required). */
    public Builder url(String url) {
      this.url = url;
      return this;
    }

    /** Sets the detail level. */
    public Builder detail(@Nullable String detail) {
      this.detail = detail;
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

    /**
     * The immutable image URL.
     *
     * @throws IllegalStateException when the URL is missing
     */
    public ImageUrl build() {
      if (url == null) throw new IllegalStateException("image url is required");
      return new ImageUrl(this);
    }
  }
}
