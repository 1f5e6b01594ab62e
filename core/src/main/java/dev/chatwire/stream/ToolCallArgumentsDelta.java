package dev.chatwire.stream;

import dev.chatwire.internal.stream.GrowingText;
import dev.chatwire.internal.stream.JsonSoFar;
import org.jspecify.annotations.Nullable;

/**
 * A piece of a tool call's {@code arguments} as it arrived, with the call's index, id and
 * function name, the arguments so far, and the partial value parsed from them so far (an open
 * string closed at the cut, a half-written number left out; see {@link
 * dev.chatwire.json.PartialJson}). The first fragment of a call gives an event even when it
 * carries no arguments yet, so a call is seen as soon as it starts.
 *
 * <p>Immutable; {@link #getArguments()} and {@link #getPartialValue()} are built when asked (each
 * call costs what the arguments hold), from any thread.
 *
 * <pre>{@code
 * if (e instanceof ToolCallArgumentsDelta) {
 *   ToolCallArgumentsDelta d = (ToolCallArgumentsDelta) e;
 *   Map<?, ?> soFar = (Map<?, ?>) d.getPartialValue();
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is ToolCallArgumentsDelta) show(e.name, e.partialValue as Map<*, *>?)
 * }</pre>
 */
public final class ToolCallArgumentsDelta extends StreamEvent {
  private final int choiceIndex;
  private final int callIndex;
  private final @Nullable String id;
  private final @Nullable String name;
  private final String delta;
  private final GrowingText.View soFar;
  private final JsonSoFar json;

  ToolCallArgumentsDelta(
      int choiceIndex,
      int callIndex,
      @Nullable String id,
      @Nullable String name,
      String delta,
      GrowingText.View soFar,
      JsonSoFar json) {
    this.choiceIndex = choiceIndex;
    this.callIndex = callIndex;
    this.id = id;
    this.name = name;
    this.delta = delta;
    this.soFar = soFar;
    this.json = json;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The call's {@code index} in the choice's tool calls (its position when none was sent). */
  public int getCallIndex() {
    return callIndex;
  }

  /** The call's id, from the first fragment that had one; null while none came. */
  public @Nullable String getId() {
    return id;
  }

  /** The function's name, from the first fragment that had one; null while none came. */
  public @Nullable String getName() {
    return name;
  }

  /** The new piece of the arguments; empty only on a call's first event. */
  public String getDelta() {
    return delta;
  }

  /** The arguments so far, this piece included. */
  public String getArguments() {
    return soFar.toString();
  }

  /**
   * The arguments so far as a partial JSON value (usually a {@code Map<String, Object>}; see
   * {@link dev.chatwire.json.PartialJson#value()}), a new copy on each call; null before a value
   * has started or when the arguments are not a JSON prefix.
   */
  public @Nullable Object getPartialValue() {
    return json.valueAt(soFar);
  }

  @Override
  public String toString() {
    return "ToolCallArgumentsDelta{choice=" + choiceIndex + ", call=" + callIndex
        + ", name=" + name + ", length=" + delta.length() + "}";
  }
}
