package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The audio answer of an audio-capable model: its {@code id} (to refer to it in a later turn),
 * base64 {@code data}, when it {@code expires_at}, and its {@code transcript}. In a stream chunk
 * each member is a fragment or absent. Immutable and thread-safe.
 */
public final class Audio {
  private final @Nullable String id;
  private final @Nullable String data;
  private final @Nullable Long expiresAt;
  private final @Nullable String transcript;
  private final Map<String, String> extras;

  private Audio(Builder b) {
    this.id = b.id;
    this.data = b.data;
    this.expiresAt = b.expiresAt;
    this.transcript = b.transcript;
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building audio. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this audio's values. */
  public Builder toBuilder() {
    return new Builder().id(id).data(data).expiresAt(expiresAt).transcript(transcript)
        .extras(extras);
  }

  /** The audio's id, or null when absent. */
  public @Nullable String getId() {
    return id;
  }

  /** The audio bytes, base64-encoded in the requested format, or null when absent. */
  public @Nullable String getData() {
    return data;
  }

  /** When the audio stops being available to later turns (Unix seconds), or null when absent. */
  public @Nullable Long getExpiresAt() {
    return expiresAt;
  }

  /** The transcript of the audio, or null when absent. */
  public @Nullable String getTranscript() {
    return transcript;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Audio)) return false;
    Audio that = (Audio) o;
    return Objects.equals(id, that.id)
        && Objects.equals(data, that.data)
        && Objects.equals(expiresAt, that.expiresAt)
        && Objects.equals(transcript, that.transcript)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, data, expiresAt, transcript, extras);
  }

  @Override
  public String toString() {
    return "Audio{id=" + id + ", data=" + (data == null ? null : data.length() + " chars")
        + ", expiresAt=" + expiresAt + ", transcript=" + transcript
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds {@link Audio}; not thread-safe. */
  public static final class Builder {
    private @Nullable String id;
    private @Nullable String data;
    private @Nullable Long expiresAt;
    private @Nullable String transcript;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the id. */
    public Builder id(@Nullable String id) {
      this.id = id;
      return this;
    }

    /** Sets the base64 audio data. */
    public Builder data(@Nullable String data) {
      this.data = data;
      return this;
    }

    /** Sets the expiry time in Unix seconds. */
    public Builder expiresAt(@Nullable Long expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /** Sets the transcript. */
    public Builder transcript(@Nullable String transcript) {
      this.transcript = transcript;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      if (extras == null) extras = new LinkedHashMap<>(4);
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras = extras.isEmpty() ? null : new LinkedHashMap<>(extras);
      return this;
    }

    /** The immutable audio. */
    public Audio build() {
      return new Audio(this);
    }
  }
}
