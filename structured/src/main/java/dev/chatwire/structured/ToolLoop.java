package dev.chatwire.structured;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.StreamEvents;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Runs a conversation with tools until the model answers without calling one: each round sends
 * the request with the tools, runs the calls of the answer (in call order; at once when an
 * executor is set) and sends their results back. Blocking, async and streaming; every round's
 * request, stream events, answer and tool results go to the {@link ToolLoopListener}. A model that still
 * calls tools after {@code maxRounds} rounds ends the loop with a {@link
 * MaxRoundsExceededException}; a failing tool follows the {@link ToolErrorPolicy}. Thread-safe;
 * each run has its own conversation.
 *
 * <pre>{@code
 * ToolLoop loop = ToolLoop.builder(client, tools).maxRounds(5).build();
 * ToolLoopResult result = loop.run(request);
 * System.out.println(result.getText());
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * val answer = ToolLoop.builder(client, tools).build().runAsync(request).await().text
 * }</pre>
 */
public final class ToolLoop {
  final ChatWire client;
  final Tools tools;
  final int maxRounds;
  final ToolErrorPolicy policy;
  final ToolLoopListener listener;
  final @Nullable Executor executor;

  private ToolLoop(Builder b) {
    this.client = b.client;
    this.tools = b.tools;
    this.maxRounds = b.maxRounds;
    this.policy = b.policy;
    this.listener = b.listener;
    this.executor = b.executor;
  }

  /** Starts a loop over {@code client}'s chat completions with {@code tools}. */
  public static Builder builder(ChatWire client, Tools tools) {
    return new Builder(client, tools);
  }

  /** Runs the loop on this thread, each round a blocking call. */
  public ToolLoopResult run(ChatCompletionRequest request) {
    Conversation c = new Conversation(this, request);
    while (true) {
      ToolLoopResult done = c.answer(client.chat().create(c.nextRequest()));
      if (done != null) return done;
    }
  }

  /** Runs the loop on this thread, each round streamed; its events go to the listener. */
  public ToolLoopResult runStreaming(ChatCompletionRequest request) {
    Conversation c = new Conversation(this, request);
    while (true) {
      ChatCompletion answer;
      try (ChatStream stream = client.chat().stream(c.nextRequest())) {
        for (StreamEvent event : stream.events()) listener.onEvent(c.round(), event);
        answer = stream.getCompletion();
      }
      ToolLoopResult done = c.answer(answer);
      if (done != null) return done;
    }
  }

  /**
   * Runs the loop without blocking; tools run on the executor (the common pool unless set), not
   * on a transport thread.
   */
  public CompletableFuture<ToolLoopResult> runAsync(ChatCompletionRequest request) {
    return async(request, false);
  }

  /** Runs the loop without blocking, each round streamed; its events go to the listener. */
  public CompletableFuture<ToolLoopResult> runStreamingAsync(ChatCompletionRequest request) {
    return async(request, true);
  }

  private CompletableFuture<ToolLoopResult> async(ChatCompletionRequest request, boolean stream) {
    Conversation c = new Conversation(this, request);
    return CompletableFuture.supplyAsync(c::nextRequest, runner())
        .thenCompose(r -> round(c, r, stream));
  }

  private CompletableFuture<ToolLoopResult> round(
      Conversation c, ChatCompletionRequest request, boolean stream) {
    int round = c.round();
    CompletableFuture<ChatCompletion> answer = stream
        ? client.chat().streamAsync(request,
            StreamEvents.listener(request, event -> listener.onEvent(round, event)))
        : client.chat().createAsync(request);
    return answer.thenApplyAsync(c::answer, runner()).thenCompose(done -> done != null
        ? CompletableFuture.completedFuture(done)
        : CompletableFuture.supplyAsync(c::nextRequest, runner()).thenCompose(r -> round(c, r, stream)));
  }

  private Executor runner() {
    return executor != null ? executor : java.util.concurrent.ForkJoinPool.commonPool();
  }

  /** Builds a {@link ToolLoop}; not thread-safe. */
  public static final class Builder {
    private final ChatWire client;
    private final Tools tools;
    private int maxRounds = 10;
    private ToolErrorPolicy policy = ToolErrorPolicy.REPORT;
    private ToolLoopListener listener = ToolLoopListener.NONE;
    private @Nullable Executor executor;

    Builder(ChatWire client, Tools tools) {
      this.client = Objects.requireNonNull(client, "client");
      this.tools = Objects.requireNonNull(tools, "tools");
    }

    /** The most requests a run sends (10 unless set); at least 1. */
    public Builder maxRounds(int maxRounds) {
      if (maxRounds < 1) throw new IllegalArgumentException("maxRounds < 1: " + maxRounds);
      this.maxRounds = maxRounds;
      return this;
    }

    /** What a failing tool call does; {@link ToolErrorPolicy#REPORT} unless set. */
    public Builder onToolError(ToolErrorPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Observes every round. */
    public Builder listener(ToolLoopListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Runs a round's tool calls at once on {@code executor} (and async runs' tools there). */
    public Builder executor(@Nullable Executor executor) {
      this.executor = executor;
      return this;
    }

    /** The loop. */
    public ToolLoop build() {
      return new ToolLoop(this);
    }
  }
}
