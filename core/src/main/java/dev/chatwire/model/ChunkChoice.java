package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.Collections;
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

  // Beyond the index and the delta, one field: null (nearly every chunk of a stream), the extras
  // alone (Azure's content_filter_results on every chunk), or one more object with every other
  // member (the finish reason, log probabilities, vLLM's stop reason, and the extras); a choice
  // stays at three fields (24 bytes).
  private final int index;
  private final Delta delta;
  private final @Nullable Object rest;

  private ChunkChoice(Builder b) {
    this(b.index, b.delta, b.finishReason, b.logprobs, b.stopReason, Maps.copyOrEmpty(b.extras));
  }

  /** Takes {@code extras} as it is: it must be unmodifiable. */
  ChunkChoice(int index, Delta delta, @Nullable FinishReason finishReason,
      @Nullable Logprobs logprobs, @Nullable StopReason stopReason, Map<String, String> extras) {
    this.index = index;
    this.delta = delta;
    if (finishReason == null && logprobs == null && stopReason == null) {
      this.rest = extras.isEmpty() ? null : extras;
    } else {
      this.rest = new Rare(finishReason, logprobs, stopReason, extras);
    }
  }

  /** The members few chunks of a choice have. */
  private static final class Rare {
    final @Nullable FinishReason finishReason;
    final @Nullable Logprobs logprobs;
    final @Nullable StopReason stopReason;
    final Map<String, String> extras;

    Rare(@Nullable FinishReason finishReason, @Nullable Logprobs logprobs,
        @Nullable StopReason stopReason, Map<String, String> extras) {
      this.finishReason = finishReason;
      this.logprobs = logprobs;
      this.stopReason = stopReason;
      this.extras = extras;
    }
  }

  private @Nullable Rare rare() {
    Object r = rest;
    return r instanceof Rare ? (Rare) r : null;
  }

  /** Starts building a choice. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this choice's values. */
  public Builder toBuilder() {
    return new Builder().index(index).delta(delta).finishReason(getFinishReason())
        .logprobs(getLogprobs()).stopReason(getStopReason()).extras(getExtras());
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
    Rare r = rare();
    return r == null ? null : r.finishReason;
  }

  /** The log probabilities of this chunk's tokens when requested, else null. */
  public @Nullable Logprobs getLogprobs() {
    Rare r = rare();
    return r == null ? null : r.logprobs;
  }

  /** vLLM's stop string or stop token id, or null when absent. */
  public @Nullable StopReason getStopReason() {
    Rare r = rare();
    return r == null ? null : r.stopReason;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  @SuppressWarnings("unchecked")
  public Map<String, String> getExtras() {
    Object r = rest;
    if (r == null) return Collections.emptyMap();
    return r instanceof Rare ? ((Rare) r).extras : (Map<String, String>) r;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ChunkChoice)) return false;
    ChunkChoice that = (ChunkChoice) o;
    return index == that.index
        && delta.equals(that.delta)
        && Objects.equals(getFinishReason(), that.getFinishReason())
        && Objects.equals(getLogprobs(), that.getLogprobs())
        && Objects.equals(getStopReason(), that.getStopReason())
        && getExtras().equals(that.getExtras());
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, delta, getFinishReason(), getLogprobs(), getStopReason(),
        getExtras());
  }

  @Override
  public String toString() {
    Rare r = rare();
    Map<String, String> extras = getExtras();
    return "ChunkChoice{index=" + index + ", delta=" + delta + ", finishReason="
        + getFinishReason()
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
