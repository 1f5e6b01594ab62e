package dev.chatwire.stream;

import dev.chatwire.model.ChatCompletion;

/**
 * The stream ended normally: the last event, after every done event, with the accumulated
 * completion (the one a non-streamed call would have returned, usage included when sent).
 *
 * <p>Immutable, from any thread.
 *
 * <pre>{@code
 * if (e instanceof CompletionDone) usage = ((CompletionDone) e).getCompletion().getUsage();
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * if (e is CompletionDone) println(e.completion.usage)
 * }</pre>
 */
public final class CompletionDone extends StreamEvent {
  private final ChatCompletion completion;

  CompletionDone(ChatCompletion completion) {
    this.completion = completion;
  }

  /** The whole completion. */
  public ChatCompletion getCompletion() {
    return completion;
  }

  @Override
  public String toString() {
    return "CompletionDone{choices=" + completion.getChoices().size() + "}";
  }
}
