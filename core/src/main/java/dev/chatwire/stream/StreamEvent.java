package dev.chatwire.stream;

/**
 * One typed event of a streamed completion, derived from its chunks: a piece of a choice's
 * reasoning, content, refusal or tool-call arguments as it arrives, the whole of each when it is
 * done, and the completion at the end. The kinds are the final classes of this package that
 * extend it (no others can): {@link ReasoningDelta}, {@link ReasoningDone}, {@link
 * ContentDelta}, {@link ContentDone}, {@link RefusalDelta}, {@link RefusalDone}, {@link
 * ToolCallArgumentsDelta}, {@link ToolCallDone} and {@link CompletionDone}.
 *
 * <p>For each choice, a delta event comes for every non-empty piece; the done events of a choice
 * come when its {@code finish_reason} arrives (a tool call's also as soon as a later call of the
 * choice starts while its arguments are a whole JSON value), or, at the latest, at the end of
 * the stream before {@link CompletionDone}. Events are immutable and may be handed to any
 * thread. See {@link StreamEvents} for how chunks become events.
 *
 * <pre>{@code
 * for (StreamEvent e : stream.events()) {
 *   if (e instanceof ContentDelta) System.out.print(((ContentDelta) e).getDelta());
 *   else if (e instanceof ToolCallDone) run((ToolCallDone) e);
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * for (e in stream.events()) when (e) {
 *   is ContentDelta -> print(e.delta)
 *   is ToolCallDone -> run(e.name, e.arguments)
 *   else -> {}
 * }
 * }</pre>
 */
public abstract class StreamEvent {
  StreamEvent() {}
}
