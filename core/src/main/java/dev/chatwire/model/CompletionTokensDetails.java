package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A breakdown of the completion tokens: reasoning, audio, and the predicted-output tokens that
 * were accepted or rejected. Providers send some, all or none of them. Immutable and thread-safe.
 */
public final class CompletionTokensDetails {
  private final @Nullable Integer reasoningTokens;
  private final @Nullable Integer audioTokens;
  private final @Nullable Integer acceptedPredictionTokens;
  private final @Nullable Integer rejectedPredictionTokens;
  private final Map<String, String> extras;

  private CompletionTokensDetails(Builder b) {
    this.reasoningTokens = b.reasoningTokens;
    this.audioTokens = b.audioTokens;
    this.acceptedPredictionTokens = b.acceptedPredictionTokens;
    this.rejectedPredictionTokens = b.rejectedPredictionTokens;
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building details. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these values. */
  public Builder toBuilder() {
    return new Builder().reasoningTokens(reasoningTokens).audioTokens(audioTokens)
        .acceptedPredictionTokens(acceptedPredictionTokens)
        .rejectedPredictionTokens(rejectedPredictionTokens).extras(extras);
  }

  /** Tokens the model spent reasoning, or null when absent. */
  public @Nullable Integer getReasoningTokens() {
    return reasoningTokens;
  }

  /** Audio tokens the model generated, or null when absent. */
  public @Nullable Integer getAudioTokens() {
    return audioTokens;
  }

  /** Predicted-output tokens that appeared in the completion, or null when absent. */
  public @Nullable Integer getAcceptedPredictionTokens() {
    return acceptedPredictionTokens;
  }

  /** Predicted-output tokens that did not appear but were billed, or null when absent. */
  public @Nullable Integer getRejectedPredictionTokens() {
    return rejectedPredictionTokens;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof CompletionTokensDetails)) return false;
    CompletionTokensDetails that = (CompletionTokensDetails) o;
    return Objects.equals(reasoningTokens, that.reasoningTokens)
        && Objects.equals(audioTokens, that.audioTokens)
        && Objects.equals(acceptedPredictionTokens, that.acceptedPredictionTokens)
        && Objects.equals(rejectedPredictionTokens, that.rejectedPredictionTokens)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        reasoningTokens, audioTokens, acceptedPredictionTokens, rejectedPredictionTokens, extras);
  }

  @Override
  public String toString() {
    return "CompletionTokensDetails{reasoningTokens=" + reasoningTokens
        + ", audioTokens=" + audioTokens
        + ", acceptedPredictionTokens=" + acceptedPredictionTokens
        + ", rejectedPredictionTokens=" + rejectedPredictionTokens
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds {@link CompletionTokensDetails}; not thread-safe. */
  public static final class Builder {
    private @Nullable Integer reasoningTokens;
    private @Nullable Integer audioTokens;
    private @Nullable Integer acceptedPredictionTokens;
    private @Nullable Integer rejectedPredictionTokens;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the reasoning tokens. */
    public Builder reasoningTokens(@Nullable Integer reasoningTokens) {
      this.reasoningTokens = reasoningTokens;
      return this;
    }

    /** Sets the generated audio tokens. */
    public Builder audioTokens(@Nullable Integer audioTokens) {
      this.audioTokens = audioTokens;
      return this;
    }

    /** Sets the accepted prediction tokens. */
    public Builder acceptedPredictionTokens(@Nullable Integer acceptedPredictionTokens) {
      this.acceptedPredictionTokens = acceptedPredictionTokens;
      return this;
    }

    /** Sets the rejected prediction tokens. */
    public Builder rejectedPredictionTokens(@Nullable Integer rejectedPredictionTokens) {
      this.rejectedPredictionTokens = rejectedPredictionTokens;
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

    /** The immutable details. */
    public CompletionTokensDetails build() {
      return new CompletionTokensDetails(this);
    }
  }
}
