package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Token counts of a request: prompt, completion and total, with optional breakdowns. In a stream
 * it arrives on the last chunk when the request asked for it. Provider additions (Groq's timings,
 * DeepSeek's cache hits) are kept in {@link #getExtras()}. Immutable and thread-safe.
 */
public final class Usage {
  private final int promptTokens;
  private final int completionTokens;
  private final int totalTokens;
  private final @Nullable PromptTokensDetails promptTokensDetails;
  private final @Nullable CompletionTokensDetails completionTokensDetails;
  private final Map<String, String> extras;

  private Usage(Builder b) {
    this.promptTokens = b.promptTokens;
    this.completionTokens = b.completionTokens;
    this.totalTokens = b.totalTokens;
    this.promptTokensDetails = b.promptTokensDetails;
    this.completionTokensDetails = b.completionTokensDetails;
    this.extras = Maps.copyOrEmpty(b.extras);
  }

  /** Starts building usage. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with these values. */
  public Builder toBuilder() {
    return new Builder().promptTokens(promptTokens).completionTokens(completionTokens)
        .totalTokens(totalTokens).promptTokensDetails(promptTokensDetails)
        .completionTokensDetails(completionTokensDetails).extras(extras);
  }

  /** Tokens in the prompt; 0 when the provider omitted the count. */
  public int getPromptTokens() {
    return promptTokens;
  }

  /** Tokens generated; 0 when the provider omitted the count. */
  public int getCompletionTokens() {
    return completionTokens;
  }

  /** Prompt plus completion tokens; 0 when the provider omitted the count. */
  public int getTotalTokens() {
    return totalTokens;
  }

  /** The breakdown of the prompt tokens, or null when absent. */
  public @Nullable PromptTokensDetails getPromptTokensDetails() {
    return promptTokensDetails;
  }

  /** The breakdown of the completion tokens, or null when absent. */
  public @Nullable CompletionTokensDetails getCompletionTokensDetails() {
    return completionTokensDetails;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof Usage)) return false;
    Usage that = (Usage) o;
    return promptTokens == that.promptTokens
        && completionTokens == that.completionTokens
        && totalTokens == that.totalTokens
        && Objects.equals(promptTokensDetails, that.promptTokensDetails)
        && Objects.equals(completionTokensDetails, that.completionTokensDetails)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(promptTokens, completionTokens, totalTokens, promptTokensDetails,
        completionTokensDetails, extras);
  }

  @Override
  public String toString() {
    return "Usage{promptTokens=" + promptTokens + ", completionTokens=" + completionTokens
        + ", totalTokens=" + totalTokens
        + (promptTokensDetails == null ? "" : ", promptTokensDetails=" + promptTokensDetails)
        + (completionTokensDetails == null ? ""
            : ", completionTokensDetails=" + completionTokensDetails)
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds {@link Usage}; not thread-safe. */
  public static final class Builder {
    private int promptTokens;
    private int completionTokens;
    private int totalTokens;
    private @Nullable PromptTokensDetails promptTokensDetails;
    private @Nullable CompletionTokensDetails completionTokensDetails;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the prompt tokens. */
    public Builder promptTokens(int promptTokens) {
      this.promptTokens = promptTokens;
      return this;
    }

    /** Sets the completion tokens. */
    public Builder completionTokens(int completionTokens) {
      this.completionTokens = completionTokens;
      return this;
    }

    /** Sets the total tokens. */
    public Builder totalTokens(int totalTokens) {
      this.totalTokens = totalTokens;
      return this;
    }

    /** Sets the prompt token breakdown. */
    public Builder promptTokensDetails(@Nullable PromptTokensDetails promptTokensDetails) {
      this.promptTokensDetails = promptTokensDetails;
      return this;
    }

    /** Sets the completion token breakdown. */
    public Builder completionTokensDetails(
        @Nullable CompletionTokensDetails completionTokensDetails) {
      this.completionTokensDetails = completionTokensDetails;
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

    /** The immutable usage. */
    public Usage build() {
      return new Usage(this);
    }
  }
}
