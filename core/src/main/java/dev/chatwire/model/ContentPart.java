package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One part of a message's content when the content is a list: {@code text}, {@code image_url},
 * {@code input_audio}, {@code file}, or {@code refusal} (assistant messages). A part of a type
 * this version does not know keeps its {@link #getType()} and all other members in
 * {@link #getExtras()}, and is written back unchanged. Immutable and thread-safe.
 *
 * <pre>{@code
 * ChatMessage.user(ContentPart.text("What is in this image?"),
 *     ContentPart.imageUrl("https://example.com/cat.png"));
 * }</pre>
 */
public final class ContentPart {
  private final String type;
  private final @Nullable String text;
  private final @Nullable String refusal;
  private final @Nullable ImageUrl imageUrl;
  private final @Nullable InputAudio inputAudio;
  private final @Nullable FileInput file;
  private final Map<String, String> extras;

  private ContentPart(Builder b) {
    this.type = Objects.requireNonNull(b.type, "type");
    this.text = b.text;
    this.refusal = b.refusal;
    this.imageUrl = b.imageUrl;
    this.inputAudio = b.inputAudio;
    this.file = b.file;
    this.extras = Maps.copy(b.extras);
  }

  /** A {@code text} part. */
  public static ContentPart text(String text) {
    return builder().type("text").text(text).build();
  }

  /** An {@code image_url} part from a URL or a {@code data:} URL. */
  public static ContentPart imageUrl(String url) {
    return imageUrl(ImageUrl.of(url));
  }

  /** An {@code image_url} part. */
  public static ContentPart imageUrl(ImageUrl imageUrl) {
    return builder().type("image_url").imageUrl(imageUrl).build();
  }

  /** An {@code input_audio} part: base64 data in a format such as {@code wav}. */
  public static ContentPart inputAudio(String data, String format) {
    return builder().type("input_audio").inputAudio(InputAudio.of(data, format)).build();
  }

  /** A {@code file} part. */
  public static ContentPart file(FileInput file) {
    return builder().type("file").file(file).build();
  }

  /** A {@code refusal} part (assistant messages). */
  public static ContentPart refusal(String refusal) {
    return builder().type("refusal").refusal(refusal).build();
  }

  /** Starts building a part. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this part's values. */
  public Builder toBuilder() {
    return new Builder().type(type).text(text).refusal(refusal).imageUrl(imageUrl)
        .inputAudio(inputAudio).file(file).extras(extras);
  }

  /** The part's type, such as {@code text} or {@code image_url}. */
  public String getType() {
    return type;
  }

  /** The text of a {@code text} part, or null. */
  public @Nullable String getText() {
    return text;
  }

  /** The refusal of a {@code refusal} part, or null. */
  public @Nullable String getRefusal() {
    return refusal;
  }

  /** The image of an {@code image_url} part, or null. */
  public @Nullable ImageUrl getImageUrl() {
    return imageUrl;
  }

  /** The audio of an {@code input_audio} part, or null. */
  public @Nullable InputAudio getInputAudio() {
    return inputAudio;
  }

  /** The file of a {@code file} part, or null. */
  public @Nullable FileInput getFile() {
    return file;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ContentPart)) return false;
    ContentPart that = (ContentPart) o;
    return type.equals(that.type)
        && Objects.equals(text, that.text)
        && Objects.equals(refusal, that.refusal)
        && Objects.equals(imageUrl, that.imageUrl)
        && Objects.equals(inputAudio, that.inputAudio)
        && Objects.equals(file, that.file)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, text, refusal, imageUrl, inputAudio, file, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("ContentPart").add("type", type).add("text", text)
        .add("refusal", refusal).add("imageUrl", imageUrl).add("inputAudio", inputAudio)
        .add("file", file).add("extras", extras).toString();
  }

  /** Builds a {@link ContentPart}; not thread-safe. */
  public static final class Builder {
    private @Nullable String type;
    private @Nullable String text;
    private @Nullable String refusal;
    private @Nullable ImageUrl imageUrl;
    private @Nullable InputAudio inputAudio;
    private @Nullable FileInput file;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the type (required). */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets the text. */
    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    /** Sets the refusal. */
    public Builder refusal(@Nullable String refusal) {
      this.refusal = refusal;
      return this;
    }

    /** Sets the image. */
    public Builder imageUrl(@Nullable ImageUrl imageUrl) {
      this.imageUrl = imageUrl;
      return this;
    }

    /** Sets the audio. */
    public Builder inputAudio(@Nullable InputAudio inputAudio) {
      this.inputAudio = inputAudio;
      return this;
    }

    /** Sets the file. */
    public Builder file(@Nullable FileInput file) {
      this.file = file;
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
     * The immutable part.
     *
     * @throws IllegalStateException when the type is missing or empty
     */
    public ContentPart build() {
      if (type == null || type.isEmpty()) {
        throw new IllegalStateException("content part type is required");
      }
      return new ContentPart(this);
    }
  }
}
