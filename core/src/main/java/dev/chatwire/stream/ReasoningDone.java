package dev.chatwire.stream;

/**
 * A choice's reasoning is done: the answer began (content, a refusal or a tool call), or the
 * choice finished, or the stream ended. Carries the whole reasoning.
 *
 * <p>Immutable, from any thread.
 *
 * <pre>{@code
 * if (e instanceof ReasoningDone) log.debug("thought for {} chars", ((ReasoningDone) e).getReasoning().length());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is ReasoningDone) showThoughts(e.reasoning)
 * }</pre>
 */
public final class ReasoningDone extends StreamEvent {
  private final int choiceIndex;
  private final String reasoning;

  ReasoningDone(int choiceIndex, String reasoning) {
    this.choiceIndex = choiceIndex;
    this.reasoning = reasoning;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The whole reasoning. */
  public String getReasoning() {
    return reasoning;
  }

  @Override
  public String toString() {
    return "ReasoningDone{choice=" + choiceIndex + ", length=" + reasoning.length() + "}";
  }
}
