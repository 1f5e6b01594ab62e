package dev.chatwire.cli;

import dev.chatwire.ChatWire;
import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Tool;
import dev.chatwire.model.Usage;
import dev.chatwire.stream.ChatStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** One chat completion, streamed or not, printed as the options say. */
final class ChatCall {
  private final Options o;
  private final Terminal terminal;
  private final Trace trace;
  private final Interruption interruption;

  ChatCall(Options o, Terminal terminal, Trace trace, Interruption interruption) {
    this.o = o;
    this.terminal = terminal;
    this.trace = trace;
    this.interruption = interruption;
  }

  static Timeouts timeouts(Options o) {
    Timeouts.Builder t = Timeouts.builder();
    if (o.connectTimeout != null) t.connect(o.connectTimeout);
    if (o.idleTimeout != null) t.idle(o.idleTimeout);
    if (o.timeout != null) t.responseHeaders(o.timeout).total(o.timeout);
    return t.build();
  }

  static ChatWire client(Options o, TapTransport transport, EventListener listener) {
    RetryPolicy retries = o.retries == null ? RetryPolicy.defaults()
        : RetryPolicy.builder().maxRetries(o.retries).build();
    return ChatWire.builder().baseUrl(o.baseUrl).apiKey(o.key).transport(transport)
        .timeouts(timeouts(o)).retryPolicy(retries).eventListener(listener).build();
  }

  ChatCompletionRequest request(String prompt, @Nullable ResponseFormat format, List<Tool> tools) {
    ChatCompletionRequest.Builder r = ChatCompletionRequest.builder().model(o.model);
    if (o.system != null) r.addSystemMessage(o.system);
    return r.addUserMessage(prompt).temperature(o.temperature).maxTokens(o.maxTokens).n(o.n)
        .responseFormat(format).tools(tools).build();
  }

  /** Runs the call and prints the answer; returns the exit status. */
  int run(ChatWire client, ChatCompletionRequest request) {
    boolean live = o.stream && !o.json && !o.raw && (o.n == null || o.n == 1);
    ChatCompletion completion;
    try {
      completion = o.stream ? stream(client, request, live) : create(client, request);
    } catch (ChatWireException | CancellationException e) {
      terminal.endLine();
      if (interruption.isInterrupted()) return Failures.INTERRUPTED;
      ChatWireException failure = e instanceof ChatWireException ? (ChatWireException) e
          : new ChatWireException("cancelled");
      URI uri = trace.uri();
      Failures.Report report = Failures.describe(failure, trace.method(),
          uri != null ? uri : URI.create(o.baseUrl + "/chat/completions"), o);
      report.lines.forEach(terminal::error);
      return report.status;
    }
    if (o.json) {
      terminal.out.println(ChatJson.write(completion));
    } else if (live) {
      terminal.endLine();
      if (!completion.getChoices().isEmpty()) {
        String refusal = completion.getChoices().get(0).getMessage().getRefusal();
        if (refusal != null && Answers.text(completion).isEmpty()) {
          terminal.out.println("refusal: " + refusal);
        }
        Answers.printCalls(completion.getChoices().get(0).getMessage(), terminal.out);
      }
    } else if (!o.raw) {
      Answers.print(completion, terminal.out);
    }
    terminal.out.flush();
    return finish(completion);
  }

  private ChatCompletion stream(ChatWire client, ChatCompletionRequest request, boolean live) {
    try (ChatStream stream = client.chat().stream(request)) {
      interruption.onCancel(stream::close);
      for (ChatCompletionChunk chunk : stream) {
        for (ChunkChoice choice : chunk.getChoices()) {
          String text = choice.getDelta().getContent();
          boolean token = text != null && !text.isEmpty();
          if (token || !choice.getDelta().getToolCalls().isEmpty()) trace.firstToken();
          if (live && token && choice.getIndex() == 0) terminal.text(text);
        }
      }
      return stream.getCompletion();
    }
  }

  private ChatCompletion create(ChatWire client, ChatCompletionRequest request) {
    CompletableFuture<ChatCompletion> future = client.chat().createAsync(request);
    interruption.onCancel(() -> future.cancel(true));
    try {
      ChatCompletion c = future.join();
      trace.firstToken();
      return c;
    } catch (CompletionException e) {
      if (e.getCause() instanceof ChatWireException) throw (ChatWireException) e.getCause();
      throw e;
    }
  }

  /** The checks and reports after a successful answer: schema, usage, timings. */
  private int finish(ChatCompletion completion) {
    int status = Failures.OK;
    if (o.schema != null && !Json.isOneValue(Answers.text(completion))) {
      String reason = completion.getChoices().isEmpty()
          || completion.getChoices().get(0).getFinishReason() == null ? "none"
          : completion.getChoices().get(0).getFinishReason().getValue();
      terminal.error("the answer is not complete JSON (finish_reason " + reason + ")"
          + ("length".equals(reason) ? "; raise --max-tokens" : ""));
      status = Failures.API_ERROR;
    }
    Usage usage = completion.getUsage();
    if (o.usage) {
      terminal.info(usage != null ? Answers.usage(usage)
          : "tokens: the server sent no usage" + (o.stream
              ? " (it ignored stream_options.include_usage; --no-stream may get it)" : ""));
    }
    if (o.verbose) {
      terminal.info("* " + trace.timings());
      if (usage != null && !o.usage) terminal.info("* " + Answers.usage(usage));
    }
    return status;
  }
}
