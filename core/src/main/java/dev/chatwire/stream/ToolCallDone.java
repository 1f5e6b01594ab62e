package dev.chatwire.stream;

import org.jspecify.annotations.Nullable;

/**
 * A tool call is done: a later call of its choice started while its arguments were a whole JSON
 * value, or the choice's {@code finish_reason} arrived, or the stream ended. Carries the call's
 * index, id, function name and whole {@code arguments} text (which the model may have left
 * malformed: parse it and report a failure back to the model).
 *
 * <p>Immutable, from any thread.
 *
 * <pre>{@code
 * if (e instanceof ToolCallDone) {
 *   ToolCallDone call = (ToolCallDone) e;
 *   results.put(call.getId(), tools.run(call.getName(), call.getArguments()));
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is ToolCallDone) results[e.id] = tools.run(e.name, e.arguments)
 * }</pre>
 */
public final class ToolCallDone extends StreamEvent {
  private final int choiceIndex;
  private final int callIndex;
  private final @Nullable String id;
  private final @Nullable String name;
  private final String arguments;

  ToolCallDone(
      int choiceIndex, int callIndex, @Nullable String id, @Nullable String name, String arguments) {
    this.choiceIndex = choiceIndex;
    this.callIndex = callIndex;
    this.id = id;
    this.name = name;
    this.arguments = arguments;
  }

  /** The index of the choice. */
  public int getChoiceIndex() {
    return choiceIndex;
  }

  /** The call's {@code index} in the choice's tool calls (its position when none was sent). */
  public int getCallIndex() {
    return callIndex;
  }

  /** The call's id; null when the server sent none. */
  public @Nullable String getId() {
    return id;
  }

  /** The function's name; null when the server sent none. */
  public @Nullable String getName() {
    return name;
  }

  /** The whole arguments text, as sent; empty when none came. */
  public String getArguments() {
    return arguments;
  }

  @Override
  public String toString() {
    return "ToolCallDone{choice=" + choiceIndex + ", call=" + callIndex + ", name=" + name
        + ", length=" + arguments.length() + "}";
  }
}
