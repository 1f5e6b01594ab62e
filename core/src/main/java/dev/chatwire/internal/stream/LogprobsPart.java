package dev.chatwire.internal.stream;

import dev.chatwire.model.Logprobs;
import dev.chatwire.model.TokenLogprob;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The log probabilities of one choice: the {@code content} and {@code refusal} lists of every
 * chunk appended. A list stays null until a chunk sends one (even an empty one).
 */
final class LogprobsPart {
  private @Nullable List<TokenLogprob> content;
  private @Nullable List<TokenLogprob> refusal;
  private final MergedExtras extras = MergedExtras.firstWins();

  void add(Logprobs fragment) {
    content = append(content, fragment.getContent());
    refusal = append(refusal, fragment.getRefusal());
    extras.addAll(fragment.getExtras());
  }

  Logprobs build() {
    return Logprobs.builder().content(content).refusal(refusal).extras(extras.toMap()).build();
  }

  private static @Nullable List<TokenLogprob> append(
      @Nullable List<TokenLogprob> to, @Nullable List<TokenLogprob> more) {
    if (more == null) return to;
    if (to == null) to = new ArrayList<>(Math.max(16, more.size()));
    to.addAll(more);
    return to;
  }
}
