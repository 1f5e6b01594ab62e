package dev.chatwire.stream;

/**
 * A choice's {@code content} is done: its {@code finish_reason} arrived, or the stream ended.
 * Carries the whole content.
 *
 * <p>Immutable, from any thread.
 *
 * <pre>{@code
 * if (e instanceof ContentDone) System.out.println(((ContentDone) e).getContent());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is ContentDone) println(e.content)
 * }</pre>
 */
public final class ContentDone extends StreamEvent {
  private final int choiceIndex;
  private final String content;

  ContentDone(int choiceIndex, String content) {
    this.choiceIndex = choiceIndex;
    this.content = content;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The whole content of the choice. */
  public String getContent() {
    return content;
  }

  @Override
  public String toString() {
    return "ContentDone{choice=" + choiceIndex + ", length=" + content.length() + "}";
  }
}
