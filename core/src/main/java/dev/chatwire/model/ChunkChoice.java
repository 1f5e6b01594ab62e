package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One choice's part of a {@link ChatCompletionChunk}: its {@code index}, the {@link Delta} it
 * adds, and, on its last chunk, why it stopped. Azure's {@code content_filter_results} and other
 * provider members are kept in {@link #getExtras()}. Immutable and thread-safe.
 */
public final class ChunkChoice {
  /** The delta of a choice that has none. */
  static final Delta EMPTY = Delta.builder().build();

  // The log probabilities and vLLM's stop reason are held in one more object, made only when one
  // is present: a choice stays as small with them (and Azure's extras) out of the way.
  private final int index;
  private final Delta delta;
  private final @Nullable FinishReason finishReason;
  private final Map<String, String> extras;
  private final @Nullable Rare rare;

  private ChunkChoice(Builder b) {
    this(b.index, b.delta, b.finishReason, b.logprobs, b.stopReason, Maps.copyOrEmpty(b.extras));
  }

  /** Takes {@code extras} as it is: it must be unmodifiable. */
  ChunkChoice(int index, Delta delta, @Nullable FinishReason finishReason,
      @Nullable Logprobs logprobs, @Nullable StopReason stopReason, Map<String, String> extras) {
    this.index = index;
    this.delta = delta;
    this.finishReason = finishReason;
    this.extras = extras;
    this.rare = logprobs == null && stopReason == null ? null : new Rare(logprobs, stopReason);
  }

  /** The members few choices have: log probabilities, vLLM's stop reason. */
  private static final class Rare {
    final @Nullable Logprobs logprobs;
    final @Nullable StopReason stopReason;

    Rare(@Nullable Logprobs logprobs, @Nullable StopReason stopReason) {
      this.logprobs = logprobs;
      this.stopReason = stopReason;
    }
  }

  /** Starts building a choice. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this choice's values. */
  public Builder toBuilder() {
    return new Builder().index(index).delta(delta).finishReason(finishReason)
        .logprobs(getLogprobs()).stopReason(getStopReason()).extras(extras);
  }

  /** The position of this choice among the request's {@code n} answers. */
  public int getIndex() {
    return index;
  }

  /** What this chunk adds to the choice's message; a delta with no members when none was sent. */
  public Delta getDelta() {
    return delta;
  }

  /** Why the model stopped, on the choice's last chunk; null on the others. */
  public @Nullable FinishReason getFinishReason() {
    return finishReason;
  }

  /** The log probabilities of this chunk's tokens when requested, else null. */
  public @Nullable Logprobs getLogprobs() {
    Rare r = rare;
    return r == null ? null : r.logprobs;
  }

  /** vLLM's stop string or stop token id, or null when absent. */
  public @Nullable StopReason getStopReason() {
    Rare r = rare;
    return r == null ? null : r.stopReason;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChunkChoice)) return false;
    ChunkChoice that = (ChunkChoice) o;
    return index == that.index
        && delta.equals(that.delta)
        && Objects.equals(finishReason, that.finishReason)
        && Objects.equals(getLogprobs(), that.getLogprobs())
        && Objects.equals(getStopReason(), that.getStopReason())
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, delta, finishReason, getLogprobs(), getStopReason(), extras);
  }

  @Override
  public String toString() {
    Rare r = rare;
    return "ChunkChoice{index=" + index + ", delta=" + delta + ", finishReason=" + finishReason
        + (r == null || r.logprobs == null ? "" : ", logprobs=" + r.logprobs)
        + (r == null || r.stopReason == null ? "" : ", stopReason=" + r.stopReason)
        + (extras.isEmpty() ? "" : ", extras=" + extras) + '}';
  }

  /** Builds a {@link ChunkChoice}; not thread-safe. */
  public static final class Builder {
    private int index;
    private Delta delta = EMPTY;
    private @Nullable FinishReason finishReason;
    private @Nullable Logprobs logprobs;
    private @Nullable StopReason stopReason;
    private @Nullable Map<String, String> extras;

    Builder() {}

    /** Sets the index. */
    public Builder index(int index) {
      this.index = index;
      return this;
    }

    /** Sets the delta. */
    public Builder delta(Delta delta) {
      this.delta = delta;
      return this;
    }

    /** Sets why the model stopped. */
    public Builder finishReason(@Nullable FinishReason finishReason) {
      this.finishReason = finishReason;
      return this;
    }

    /** Sets the log probabilities. */
    public Builder logprobs(@Nullable Logprobs logprobs) {
      this.logprobs = logprobs;
      return this;
    }

    /** Sets vLLM's stop reason. */
    public Builder stopReason(@Nullable StopReason stopReason) {
      this.stopReason = stopReason;
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

    /** The immutable choice. */
    public ChunkChoice build() {
      return new ChunkChoice(this);
    }
  }
}
