package dev.chatwire.model;

import org.jspecify.annotations.Nullable;

/**
 * vLLM's {@code stop_reason}: the stop string that ended a choice, or the id of the stop token
 * (an integer in JSON). Absent or {@code null} when the model stopped at its end-of-sequence
 * token or for another reason. Immutable and thread-safe.
 *
 * <pre>{@code
 * StopReason r = choice.getStopReason();
 * if (r != null && r.isTokenId()) log(r.getTokenId());
 * }</pre>
 */
public final class StopReason {
  private final @Nullable String text;
  private final long tokenId;

  private StopReason(@Nullable String text, long tokenId) {
    this.text = text;
    this.tokenId = tokenId;
  }

  /** A stop string, written as a JSON string. */
  public static StopReason ofText(String text) {
    return new StopReason(text, 0);
  }

  /** A stop token id, written as a JSON integer. */
  public static StopReason ofTokenId(long tokenId) {
    return new StopReason(null, tokenId);
  }

  /** True when this is a token id (a JSON integer), false when it is a stop string. */
  public boolean isTokenId() {
    return text == null;
  }

  /** The stop string, or null when this is a token id. */
  public @Nullable String getText() {
    return text;
  }

  /** The stop token id, or null when this is a stop string. */
  public @Nullable Long getTokenId() {
    return text == null ? tokenId : null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof StopReason)) return false;
    StopReason that = (StopReason) o;
    return text == null ? that.text == null && tokenId == that.tokenId : text.equals(that.text);
  }

  @Override
  public int hashCode() {
    return text == null ? Long.hashCode(tokenId) : text.hashCode();
  }

  /** The stop string, or the token id in decimal. */
  @Override
  public String toString() {
    return text == null ? Long.toString(tokenId) : text;
  }
}
