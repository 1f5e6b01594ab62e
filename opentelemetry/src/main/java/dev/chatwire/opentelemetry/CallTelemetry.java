package dev.chatwire.opentelemetry;

import dev.chatwire.EventListener;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Choice;
import dev.chatwire.model.Stop;
import dev.chatwire.model.Usage;
import dev.chatwire.transport.HttpRequest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The span and measurements of one call. The span starts at {@code callStart} and ends at {@code
 * callEnd} or {@code callFailed}, once, whichever thread they come on.
 */
final class CallTelemetry extends EventListener {
  private static final double NANOS_PER_SECOND = 1e9;

  private final ChatWireTelemetry telemetry;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile @Nullable Span span;
  private volatile long startNanos;
  /** The metric attributes known at the start: operation, provider, request model, server. */
  private volatile Attributes common = Attributes.empty();
  /** Per-chunk metric attributes, made at the first chunk; touched only by chunk events. */
  private @Nullable Attributes chunkAttributes;
  private long lastChunkNanos;

  CallTelemetry(ChatWireTelemetry telemetry) {
    this.telemetry = telemetry;
  }

  @Override
  public void callStart(ChatCompletionRequest request, HttpRequest httpRequest) {
    startNanos = System.nanoTime();
    String model = request.getModel();
    AttributesBuilder metric = Attributes.builder()
        .put(GenAi.OPERATION_NAME, GenAi.CHAT)
        .put(GenAi.PROVIDER_NAME, telemetry.providerName);
    if (!model.isEmpty()) metric.put(GenAi.REQUEST_MODEL, model);
    server(httpRequest.getUri(), metric);
    common = metric.build();

    SpanBuilder b = telemetry.tracer
        .spanBuilder(model.isEmpty() ? GenAi.CHAT : GenAi.CHAT + " " + model)
        .setSpanKind(SpanKind.CLIENT)
        .setParent(Context.current())
        .setAllAttributes(common);
    Integer maxTokens = request.getMaxCompletionTokens() != null
        ? request.getMaxCompletionTokens() : request.getMaxTokens();
    if (maxTokens != null) b.setAttribute(GenAi.REQUEST_MAX_TOKENS, (long) maxTokens);
    setIfPresent(b, GenAi.REQUEST_TEMPERATURE, request.getTemperature());
    setIfPresent(b, GenAi.REQUEST_TOP_P, request.getTopP());
    setIfPresent(b, GenAi.REQUEST_FREQUENCY_PENALTY, request.getFrequencyPenalty());
    setIfPresent(b, GenAi.REQUEST_PRESENCE_PENALTY, request.getPresencePenalty());
    setIfPresent(b, GenAi.REQUEST_SEED, request.getSeed());
    Stop stop = request.getStop();
    if (stop != null) b.setAttribute(GenAi.REQUEST_STOP_SEQUENCES, stop.getSequences());
    Integer n = request.getN();
    if (n != null && n != 1) b.setAttribute(GenAi.REQUEST_CHOICE_COUNT, (long) n);
    if (telemetry.captureContent) {
      b.setAttribute(GenAi.INPUT_MESSAGES, MessagesJson.input(request.getMessages()));
    }
    span = b.startSpan();
  }

  private static <T> void setIfPresent(SpanBuilder b, AttributeKey<T> key, @Nullable T value) {
    if (value != null) b.setAttribute(key, value);
  }

  private static void server(URI uri, AttributesBuilder to) {
    String host = uri.getHost();
    if (host == null) return;
    to.put(GenAi.SERVER_ADDRESS, host);
    int port = uri.getPort();
    if (port < 0) port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    to.put(GenAi.SERVER_PORT, (long) port);
  }

  @Override
  public void chunk(ChatCompletionChunk chunk) {
    long now = System.nanoTime();
    Attributes attributes = chunkAttributes;
    if (attributes == null) {
      attributes = withResponseModel(chunk.getModel()).build();
      chunkAttributes = attributes;
      telemetry.timeToFirstChunk.record((now - startNanos) / NANOS_PER_SECOND, attributes);
    } else {
      telemetry.timePerOutputChunk.record((now - lastChunkNanos) / NANOS_PER_SECOND, attributes);
    }
    lastChunkNanos = now;
  }

  private AttributesBuilder withResponseModel(@Nullable String responseModel) {
    AttributesBuilder b = common.toBuilder();
    if (responseModel != null) b.put(GenAi.RESPONSE_MODEL, responseModel);
    return b;
  }

  @Override
  public void retryScheduled(int nextAttempt, Duration delay, ChatWireException reason) {
    Span s = span;
    if (s == null) return;
    s.addEvent(GenAi.RETRY_EVENT, Attributes.of(
        GenAi.RETRY_ATTEMPT, (long) nextAttempt,
        GenAi.RETRY_DELAY, delay.toNanos() / NANOS_PER_SECOND,
        GenAi.ERROR_TYPE, reason.getClass().getName()));
  }

  @Override
  public void callEnd(ChatCompletion completion) {
    if (!ended.compareAndSet(false, true)) return;
    Span s = span;
    if (s == null) return;
    response(s, completion);
    record(completion, null);
    s.end();
  }

  @Override
  public void callFailed(ChatWireException error) {
    if (!ended.compareAndSet(false, true)) return;
    Span s = span;
    if (s == null) {
      // The request could not be built: there was no start, so the span is all there is.
      s = telemetry.tracer.spanBuilder(GenAi.CHAT).setSpanKind(SpanKind.CLIENT)
          .setAttribute(GenAi.OPERATION_NAME, GenAi.CHAT)
          .setAttribute(GenAi.PROVIDER_NAME, telemetry.providerName)
          .startSpan();
      startNanos = System.nanoTime();
    }
    ChatCompletion partial = error.getPartialCompletion();
    if (partial != null) response(s, partial);
    String type = error.getClass().getName();
    s.setAttribute(GenAi.ERROR_TYPE, type);
    s.setStatus(StatusCode.ERROR, error.getMessage());
    s.recordException(error);
    record(partial, type);
    s.end();
  }

  private void response(Span s, ChatCompletion c) {
    if (telemetry.captureContent) s.setAttribute(GenAi.OUTPUT_MESSAGES, MessagesJson.output(c));
    if (c.getId() != null) s.setAttribute(GenAi.RESPONSE_ID, c.getId());
    if (c.getModel() != null) s.setAttribute(GenAi.RESPONSE_MODEL, c.getModel());
    if (!c.getChoices().isEmpty()) {
      List<String> reasons = new ArrayList<>(c.getChoices().size());
      for (Choice choice : c.getChoices()) {
        if (choice.getFinishReason() != null) reasons.add(choice.getFinishReason().getValue());
      }
      if (!reasons.isEmpty()) s.setAttribute(GenAi.RESPONSE_FINISH_REASONS, reasons);
    }
    Usage u = c.getUsage();
    if (u != null) {
      s.setAttribute(GenAi.USAGE_INPUT_TOKENS, (long) u.getPromptTokens());
      s.setAttribute(GenAi.USAGE_OUTPUT_TOKENS, (long) u.getCompletionTokens());
    }
  }

  /** The duration, and the tokens when the server reported them. */
  private void record(@Nullable ChatCompletion c, @Nullable String errorType) {
    AttributesBuilder b = withResponseModel(c == null ? null : c.getModel());
    if (errorType != null) b.put(GenAi.ERROR_TYPE, errorType);
    Attributes attributes = b.build();
    telemetry.duration.record((System.nanoTime() - startNanos) / NANOS_PER_SECOND, attributes);
    Usage u = c == null ? null : c.getUsage();
    if (u != null) {
      telemetry.tokenUsage.record(u.getPromptTokens(),
          attributes.toBuilder().put(GenAi.TOKEN_TYPE, "input").build());
      telemetry.tokenUsage.record(u.getCompletionTokens(),
          attributes.toBuilder().put(GenAi.TOKEN_TYPE, "output").build());
    }
  }
}
