package dev.chatwire.internal.stream;

import dev.chatwire.error.DecodeException;

/**
 * The bound on the {@code index} of a streamed choice or tool call. OpenAI allows at most 128
 * choices, and parallel tool calls come in tens; an index past the bound is a broken or hostile
 * server, refused before it can make the accumulator hold (or sort) an absurd number of parts.
 */
public final class Indexes {
  /** The largest index accepted for a choice or a tool call. */
  public static final int MAX = 1023;

  private Indexes() {}

  /**
   * Refuses an index outside {@code 0..MAX}.
   *
   * @throws DecodeException naming the member, the index and the allowed range
   */
  public static void check(int index, String member) {
    if (index < 0 || index > MAX) {
      throw new DecodeException(
          member + " index (" + index + ") is outside the allowed range 0.." + MAX,
          member, -1, -1, null);
    }
  }
}
