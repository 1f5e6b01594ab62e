package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code prediction} parameter (Predicted Outputs): content the answer is expected to repeat,
 * such as a file being edited, as text or as text parts. Immutable and thread-safe;
 * {@code toString()} abbreviates long content.
 */
public final class Prediction {
  private final String type;
  private final @Nullable String content;
  private final @Nullable List<ContentPart> contentParts;
  private final Map<String, String> extras;

  private Prediction(Builder b) {
    this.type = b.type;
    this.content = b.content;
    this.contentParts = Maps.copyOrNull(b.contentParts);
    this.extras = Maps.copy(b.extras);
  }

  /** A {@code content} prediction with text. */
  public static Prediction content(String content) {
    return builder().content(content).build();
  }

  /** A {@code content} prediction with text parts. */
  public static Prediction content(List<ContentPart> parts) {
    return builder().contentParts(parts).build();
  }

  /** Starts building a prediction; the type defaults to {@code content}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this prediction's values. */
  public Builder toBuilder() {
    Builder b = new Builder().type(type).extras(extras);
    return contentParts != null ? b.contentParts(contentParts) : b.content(content);
  }

  /** The prediction's type, {@code content}. */
  public String getType() {
    return type;
  }

  /** The predicted text, or null when given as parts or absent. */
  public @Nullable String getContent() {
    return content;
  }

  /** The predicted text parts, or null when given as text or absent. */
  public @Nullable List<ContentPart> getContentParts() {
    return contentParts;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Prediction)) return false;
    Prediction that = (Prediction) o;
    return type.equals(that.type)
        && Objects.equals(content, that.content)
        && Objects.equals(contentParts, that.contentParts)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, content, contentParts, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("Prediction").add("type", type).add("content", content)
        .add("contentParts", contentParts).add("extras", extras).toString();
  }

  /** Builds a {@link Prediction}; not thread-safe. */
  public static final class Builder {
    private String type = "content";
    private @Nullable String content;
    private @Nullable List<ContentPart> contentParts;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the type; {@code content} unless set. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets text content, replacing any parts. */
    public Builder content(@Nullable String content) {
      this.content = content;
      this.contentParts = null;
      return this;
    }

    /** Sets content parts, replacing any text. */
    public Builder contentParts(@Nullable List<ContentPart> parts) {
      this.contentParts = parts == null ? null : new ArrayList<>(parts);
      this.content = null;
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
     * The immutable prediction.
     *
     * @throws IllegalStateException when the type is empty
     */
    public Prediction build() {
      if (type.isEmpty()) throw new IllegalStateException("prediction type must not be empty");
      return new Prediction(this);
    }
  }
}
