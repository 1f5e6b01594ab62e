package dev.chatwire.benchmarks;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import dev.chatwire.stream.ChunkAccumulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Accumulates {@code count} tool calls (one chunk) and {@code count} choices (one chunk each)
 * whose indexes arrive in ascending or descending order. Linear accumulation makes the two orders
 * cost the same per part, and doubling {@code count} double the time; a sorted insert per part
 * (what a hostile server's countdown of indexes used to hit) would make descending quadratic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class AccumulatorIndexOrderBenchmark {
  @Param({"256", "1024"})
  public int count;

  @Param({"ascending", "descending"})
  public String order;

  private ChatCompletionChunk toolCalls;
  private final List<ChatCompletionChunk> choices = new ArrayList<>();

  @Setup(Level.Trial)
  public void setUp() {
    List<ToolCall> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      calls.add(ToolCall.builder().index(i).id("call_" + i)
          .function(FunctionCall.builder().name("f").arguments("{}").build()).build());
    }
    List<ChatCompletionChunk> perChoice = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      perChoice.add(ChatCompletionChunk.builder().id("c").model("m")
          .addChoice(ChunkChoice.builder().index(i).delta(Delta.builder().content("x").build())
              .build()).build());
    }
    if (order.equals("descending")) {
      Collections.reverse(calls);
      Collections.reverse(perChoice);
    }
    toolCalls = ChatCompletionChunk.builder().id("c").model("m")
        .addChoice(ChunkChoice.builder().index(0)
            .delta(Delta.builder().toolCalls(calls).build()).build()).build();
    choices.clear();
    choices.addAll(perChoice);
  }

  @Benchmark
  public ChatCompletion toolCallsInOneChunk() {
    ChunkAccumulator acc = new ChunkAccumulator();
    acc.add(toolCalls);
    ChatCompletion c = acc.snapshot();
    if (c.getChoices().get(0).getMessage().getToolCalls().size() != count) {
      throw new AssertionError("lost tool calls");
    }
    return c;
  }

  @Benchmark
  public ChatCompletion choicesOnePerChunk() {
    ChunkAccumulator acc = new ChunkAccumulator();
    for (ChatCompletionChunk chunk : choices) acc.add(chunk);
    ChatCompletion c = acc.snapshot();
    if (c.getChoices().size() != count) throw new AssertionError("lost choices");
    return c;
  }
}
