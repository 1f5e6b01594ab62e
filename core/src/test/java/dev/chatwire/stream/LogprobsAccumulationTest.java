package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.accumulate;
import static dev.chatwire.stream.Chunks.chunk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.Logprobs;
import dev.chatwire.model.TokenLogprob;
import java.util.Arrays;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class LogprobsAccumulationTest {
  private static TokenLogprob token(String text, double logprob) {
    return TokenLogprob.builder().token(text).logprob(logprob).build();
  }

  private static ChunkChoice part(String content, @Nullable Logprobs logprobs) {
    return ChunkChoice.builder().index(0).delta(Delta.builder().content(content).build())
        .logprobs(logprobs).build();
  }

  @Test
  void contentLogprobsOfEveryChunkAreAppended() {
    ChatCompletion c = accumulate(
        chunk(part("", Logprobs.builder().content(Collections.emptyList()).build())),
        chunk(part("Foo", Logprobs.builder().content(Arrays.asList(token("Foo", -0.5))).build())),
        chunk(part("!", Logprobs.builder().content(Arrays.asList(token("!", -1.5))).build())),
        chunk(ChunkChoice.builder().index(0).build()));

    Logprobs l = c.getChoices().get(0).getLogprobs();
    assertThat(l.getContent()).containsExactly(token("Foo", -0.5), token("!", -1.5));
    assertThat(l.getRefusal()).isNull();
  }

  @Test
  void refusalLogprobsAreAppendedAndContentStaysNull() {
    ChatCompletion c = accumulate(
        chunk(part("", Logprobs.builder().refusal(Collections.emptyList()).build())),
        chunk(part("", Logprobs.builder().refusal(Arrays.asList(token("I'm", -0.1))).build())),
        chunk(part("", Logprobs.builder().refusal(Arrays.asList(token(" sorry", -0.2))).build())));

    Logprobs l = c.getChoices().get(0).getLogprobs();
    assertThat(l.getRefusal()).containsExactly(token("I'm", -0.1), token(" sorry", -0.2));
    assertThat(l.getContent()).isNull();
  }

  @Test
  void logprobsStayNullWhenNoChunkSentThem() {
    ChatCompletion c = accumulate(chunk(part("a", null)));

    assertThat(c.getChoices().get(0).getLogprobs()).isNull();
  }
}
