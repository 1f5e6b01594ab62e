package dev.chatwire.internal.stream;

import dev.chatwire.model.Choice;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Logprobs;
import dev.chatwire.model.StopReason;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One choice of a streamed completion assembled from its chunk choices: the message from the
 * deltas, the last {@code finish_reason}, vLLM's {@code stop_reason} from the chunks that finish
 * the choice (the last non-null one), log probabilities appended, and unknown choice members
 * merged (arrays appended, objects merged member by member, other values: the last wins). Not
 * thread-safe.
 */
public final class ChoiceAccumulator {
  private final int index;
  private final MessagePart message = new MessagePart();
  private @Nullable FinishReason finishReason;
  private @Nullable StopReason stopReason;
  private @Nullable LogprobsPart logprobs;
  private final MergedExtras extras = MergedExtras.lastWins();

  /** Starts the choice with the given index. */
  public ChoiceAccumulator(int index) {
    this.index = index;
  }

  /** The choice's index. */
  public int index() {
    return index;
  }

  /** Merges one chunk's part of this choice. */
  public void add(ChunkChoice part) {
    message.add(part.getDelta());
    FinishReason finish = part.getFinishReason();
    if (finish != null) {
      finishReason = finish;
      if (part.getStopReason() != null) stopReason = part.getStopReason();
    }
    Logprobs l = part.getLogprobs();
    if (l != null) {
      if (logprobs == null) logprobs = new LogprobsPart();
      logprobs.add(l);
    }
    Map<String, String> unknown = part.getExtras();
    if (unknown.isEmpty()) return;
    if (unknown.containsKey("message")) {
      // A chunk choice's own "message" member is not the accumulated message, which is written
      // under that name: keeping it would write the name twice and the first would be lost.
      Map<String, String> rest = new LinkedHashMap<>(unknown);
      rest.remove("message");
      unknown = rest;
    }
    extras.addAll(unknown);
  }

  /** The choice as accumulated so far. */
  public Choice build() {
    return Choice.builder()
        .index(index)
        .message(message.build())
        .finishReason(finishReason)
        .stopReason(stopReason)
        .logprobs(logprobs == null ? null : logprobs.build())
        .extras(extras.toMap())
        .build();
  }
}
