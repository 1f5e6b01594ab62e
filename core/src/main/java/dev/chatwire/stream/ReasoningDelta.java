package dev.chatwire.stream;

import dev.chatwire.internal.stream.GrowingText;

/**
 * A piece of a choice's reasoning as it arrived ({@code reasoning_content} from DeepSeek, vLLM,
 * llama.cpp and Groq; {@code reasoning} from OpenRouter and Ollama), with the reasoning so far.
 * Reasoning comes before the answer: it is done ({@link ReasoningDone}) when the first piece of
 * content, refusal or tool call arrives, or when the choice finishes.
 *
 * <p>Immutable; {@link #getReasoning()} is built when asked, from any thread.
 *
 * <pre>{@code
 * if (e instanceof ReasoningDelta) thinking.append(((ReasoningDelta) e).getDelta());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is ReasoningDelta) thinking.append(e.delta)
 * }</pre>
 */
public final class ReasoningDelta extends StreamEvent {
  private final int choiceIndex;
  private final String delta;
  private final GrowingText.View soFar;

  ReasoningDelta(int choiceIndex, String delta, GrowingText.View soFar) {
    this.choiceIndex = choiceIndex;
    this.delta = delta;
    this.soFar = soFar;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The new piece of reasoning; never empty. */
  public String getDelta() {
    return delta;
  }

  /** The reasoning so far, this piece included. */
  public String getReasoning() {
    return soFar.toString();
  }

  @Override
  public String toString() {
    return "ReasoningDelta{choice=" + choiceIndex + ", length=" + delta.length() + "}";
  }
}
