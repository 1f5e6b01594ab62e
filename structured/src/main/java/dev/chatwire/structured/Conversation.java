package dev.chatwire.structured;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** One run of a {@link ToolLoop}: the messages so far and the step from an answer to the next request. */
final class Conversation {
  private final ToolLoop loop;
  private final ChatCompletionRequest base;
  private final List<ChatMessage> messages;
  private int round;

  Conversation(ToolLoop loop, ChatCompletionRequest request) {
    this.loop = loop;
    List<Tool> tools = new ArrayList<>(request.getTools());
    Set<String> names = new HashSet<>();
    for (Tool t : tools) if (t.getFunction() != null) names.add(t.getFunction().getName());
    for (Tool t : loop.tools.getTools()) {
      if (t.getFunction() != null && names.add(t.getFunction().getName())) tools.add(t);
    }
    this.base = request.toBuilder().tools(tools).build();
    this.messages = new ArrayList<>(request.getMessages());
  }

  /** The next round's request, announced to the listener. */
  ChatCompletionRequest nextRequest() {
    round++;
    ChatCompletionRequest request = base.toBuilder().messages(messages).build();
    loop.listener.onRequest(round, request);
    return request;
  }

  int round() {
    return round;
  }

  /**
   * Takes the round's answer: the loop's result when it calls no tool, else null after the
   * calls ran and their results joined the conversation.
   */
  @Nullable ToolLoopResult answer(ChatCompletion completion) {
    loop.listener.onResponse(round, completion);
    ChatCompletionMessage message = completion.getChoices().isEmpty() ? null
        : completion.getChoices().get(0).getMessage();
    if (message == null || message.getToolCalls().isEmpty()) {
      if (message != null) messages.add(ChatMessage.fromResponse(message));
      return new ToolLoopResult(completion, messages, round);
    }
    if (round >= loop.maxRounds) throw new MaxRoundsExceededException(round, completion, messages);
    messages.add(ChatMessage.fromResponse(message));
    List<ChatMessage> results = run(message.getToolCalls());
    for (int i = 0; i < results.size(); i++) {
      loop.listener.onToolResult(round, message.getToolCalls().get(i), results.get(i));
    }
    messages.addAll(results);
    return null;
  }

  /** Runs the calls, at once on the loop's executor if it has one, answered in call order. */
  private List<ChatMessage> run(List<ToolCall> calls) {
    List<ChatMessage> results = new ArrayList<>(calls.size());
    Executor executor = loop.executor;
    if (executor == null || calls.size() == 1) {
      for (ToolCall c : calls) results.add(loop.tools.execute(c, loop.policy));
      return results;
    }
    List<CompletableFuture<ChatMessage>> running = new ArrayList<>(calls.size());
    for (ToolCall c : calls) {
      running.add(CompletableFuture.supplyAsync(() -> loop.tools.execute(c, loop.policy), executor));
    }
    for (CompletableFuture<ChatMessage> f : running) {
      try {
        results.add(f.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
        throw e;
      }
    }
    return results;
  }
}
