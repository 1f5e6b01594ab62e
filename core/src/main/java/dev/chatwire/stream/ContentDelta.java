package dev.chatwire.stream;

import dev.chatwire.internal.stream.GrowingText;
import dev.chatwire.internal.stream.JsonSoFar;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a choice's {@code content} as it arrived, with the content so far and, when the
 * content is JSON (the request asked for a {@code json_schema} or {@code json_object} response
 * format), the partial value parsed so far.
 *
 * <p>Immutable; {@link #getContent()} and {@link #getPartialValue()} are built when asked (each
 * call costs what the content holds), from any thread.
 *
 * <pre>{@code
 * if (e instanceof ContentDelta) render(((ContentDelta) e).getPartialValue());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is ContentDelta) print(e.delta)
 * }</pre>
 */
public final class ContentDelta extends StreamEvent {
  private final int choiceIndex;
  private final String delta;
  private final GrowingText.View soFar;
  private final @Nullable JsonSoFar json;

  ContentDelta(int choiceIndex, String delta, GrowingText.View soFar, @Nullable JsonSoFar json) {
    this.choiceIndex = choiceIndex;
    this.delta = delta;
    this.soFar = soFar;
    this.json = json;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The new piece of content; never empty. */
  public String getDelta() {
    return delta;
  }

  /** The choice's content so far, this piece included. */
  public String getContent() {
    return soFar.toString();
  }

  /** True when the content is read as JSON, so {@link #getPartialValue()} may be non-null. */
  public boolean isJson() {
    return json != null;
  }

  /**
   * The content so far as a partial JSON value (see {@link dev.chatwire.json.PartialJson#value()}
   * for its shape), a new copy on each call; null when the content is not read as JSON, when no
   * value has started yet, or when the content is not a JSON prefix.
   */
  public @Nullable Object getPartialValue() {
    JsonSoFar j = json;
    return j == null ? null : j.valueAt(soFar);
  }

  @Override
  public String toString() {
    return "ContentDelta{choice=" + choiceIndex + ", length=" + delta.length() + "}";
  }
}
