package dev.chatwire.stream;

import dev.chatwire.internal.stream.GrowingText;

/**
 * A piece of a choice's {@code refusal} (the model declined a structured answer) as it arrived,
 * with the refusal so far.
 *
 * <p>Immutable; {@link #getRefusal()} is built when asked, from any thread.
 *
 * <pre>{@code
 * if (e instanceof RefusalDelta) System.err.print(((RefusalDelta) e).getDelta());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is RefusalDelta) System.err.print(e.delta)
 * }</pre>
 */
public final class RefusalDelta extends StreamEvent {
  private final int choiceIndex;
  private final String delta;
  private final GrowingText.View soFar;

  RefusalDelta(int choiceIndex, String delta, GrowingText.View soFar) {
    this.choiceIndex = choiceIndex;
    this.delta = delta;
    this.soFar = soFar;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The new piece of the refusal; never empty. */
  public String getDelta() {
    return delta;
  }

  /** The refusal so far, this piece included. */
  public String getRefusal() {
    return soFar.toString();
  }

  @Override
  public String toString() {
    return "RefusalDelta{choice=" + choiceIndex + ", length=" + delta.length() + "}";
  }
}
