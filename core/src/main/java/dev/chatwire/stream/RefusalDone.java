package dev.chatwire.stream;

/**
 * A choice's {@code refusal} is done: its {@code finish_reason} arrived, or the stream ended.
 * Carries the whole refusal.
 *
 * <p>Immutable, from any thread.
 *
 * <pre>{@code
 * if (e instanceof RefusalDone) throw new Refused(((RefusalDone) e).getRefusal());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is RefusalDone) error(e.refusal)
 * }</pre>
 */
public final class RefusalDone extends StreamEvent {
  private final int choiceIndex;
  private final String refusal;

  RefusalDone(int choiceIndex, String refusal) {
    this.choiceIndex = choiceIndex;
    this.refusal = refusal;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The whole refusal. */
  public String getRefusal() {
    return refusal;
  }

  @Override
  public String toString() {
    return "RefusalDone{choice=" + choiceIndex + ", length=" + refusal.length() + "}";
  }
}
