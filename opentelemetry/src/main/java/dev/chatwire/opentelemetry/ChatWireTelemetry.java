package dev.chatwire.opentelemetry;

import dev.chatwire.EventListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * Records each ChatWire call as an OpenTelemetry span and metrics, after the semantic conventions
 * for generative AI (v1.37 and later: {@code gen_ai.provider.name}, not the older {@code
 * gen_ai.system}).
 *
 * <p><b>Span.</b> One per call, retries included: name {@code chat {model}}, kind {@code CLIENT},
 * child of the context current on the thread that starts the call. Attributes: {@code
 * gen_ai.operation.name} ({@code chat}), {@code gen_ai.provider.name}, {@code
 * gen_ai.request.model}, {@code .max_tokens} ({@code max_completion_tokens} when set, else {@code
 * max_tokens}), {@code .temperature}, {@code .top_p}, {@code .frequency_penalty}, {@code
 * .presence_penalty}, {@code .stop_sequences}, {@code .seed}, {@code .choice.count} (when not 1);
 * {@code server.address}, {@code server.port}; at the end {@code gen_ai.response.id}, {@code
 * .model}, {@code .finish_reasons}, {@code gen_ai.usage.input_tokens}, {@code .output_tokens}.
 * A failed call has status {@code ERROR}, {@code error.type} (the fully qualified class of the
 * {@link dev.chatwire.error.ChatWireException}, such as {@code
 * dev.chatwire.error.RateLimitException}) and an exception event; what a broken stream had
 * received is recorded as its response. Each retry adds an event {@code chatwire.retry} with
 * {@code chatwire.retry.attempt} (the attempt it schedules), {@code chatwire.retry.delay} (seconds)
 * and {@code error.type}.
 *
 * <p><b>Metrics</b> (each with the operation, provider, request model, response model and server
 * attributes, and {@code error.type} on failure): {@code gen_ai.client.operation.duration}
 * (seconds); {@code gen_ai.client.token.usage} ({@code {token}}, with {@code gen_ai.token.type}
 * {@code input} or {@code output}, when the server reported usage); for streams {@code
 * gen_ai.client.operation.time_to_first_chunk} (seconds from the call's start to its first chunk)
 * and {@code gen_ai.client.operation.time_per_output_chunk} (seconds between chunks).
 *
 * <p>No header is recorded, so the key never reaches a span; no prompt or answer either, unless
 * {@link Builder#captureContent} asks for them.
 * Thread-safe; make one per {@link OpenTelemetry} and share it.
 *
 * <pre>{@code
 * ChatWire client = ChatWire.builder()
 *     .eventListenerFactory(ChatWireTelemetry.create(openTelemetry).eventListenerFactory())
 *     .build();
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * ChatWire.builder().eventListenerFactory(ChatWireTelemetry.create(openTelemetry).eventListenerFactory())
 * }</pre>
 */
public final class ChatWireTelemetry {
  /** The instrumentation scope of the spans and metrics. */
  public static final String INSTRUMENTATION_NAME = "dev.chatwire";

  final Tracer tracer;
  final String providerName;
  final boolean captureContent;
  final LongHistogram tokenUsage;
  final DoubleHistogram duration;
  final DoubleHistogram timeToFirstChunk;
  final DoubleHistogram timePerOutputChunk;

  private ChatWireTelemetry(Builder b) {
    this.providerName = b.providerName;
    this.captureContent = b.captureContent;
    this.tracer = b.openTelemetry.getTracer(INSTRUMENTATION_NAME);
    Meter meter = b.openTelemetry.getMeter(INSTRUMENTATION_NAME);
    this.tokenUsage = meter.histogramBuilder(GenAi.TOKEN_USAGE).ofLongs()
        .setUnit("{token}")
        .setDescription("Number of input and output tokens used.")
        .setExplicitBucketBoundariesAdvice(GenAi.TOKEN_BUCKETS)
        .build();
    this.duration = meter.histogramBuilder(GenAi.OPERATION_DURATION)
        .setUnit("s")
        .setDescription("GenAI operation duration.")
        .setExplicitBucketBoundariesAdvice(GenAi.DURATION_BUCKETS)
        .build();
    this.timeToFirstChunk = meter.histogramBuilder(GenAi.TIME_TO_FIRST_CHUNK)
        .setUnit("s")
        .setDescription("Time to receive the first chunk of a streaming response.")
        .setExplicitBucketBoundariesAdvice(GenAi.DURATION_BUCKETS)
        .build();
    this.timePerOutputChunk = meter.histogramBuilder(GenAi.TIME_PER_OUTPUT_CHUNK)
        .setUnit("s")
        .setDescription("Time between two chunks of a streaming response.")
        .setExplicitBucketBoundariesAdvice(GenAi.CHUNK_BUCKETS)
        .build();
  }

  /** Telemetry on {@code openTelemetry} for the provider {@code openai}. */
  public static ChatWireTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  /** Starts configuring telemetry on {@code openTelemetry}. */
  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /** The listeners that record calls; give it to {@code ChatWire.Builder.eventListenerFactory}. */
  public EventListener.Factory eventListenerFactory() {
    return request -> new CallTelemetry(this);
  }

  /** Configures {@link ChatWireTelemetry}; not thread-safe. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private String providerName = "openai";
    private boolean captureContent;

    Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * The {@code gen_ai.provider.name}: {@code openai} by default; the conventions name others,
     * such as {@code azure.ai.openai}, {@code groq}, {@code mistral_ai}, {@code deepseek}, {@code
     * x_ai}, {@code perplexity}.
     */
    public Builder providerName(String providerName) {
      this.providerName = Objects.requireNonNull(providerName, "providerName");
      return this;
    }

    /**
     * Whether spans record the conversation: {@code gen_ai.input.messages} (the request's
     * messages) and {@code gen_ai.output.messages} (the answer, or what a broken stream had
     * received), as the conventions' JSON arrays of role and parts (text, tool calls and tool
     * results; other parts by their type alone). Off by default: prompts and answers may hold
     * personal or secret data.
     */
    public Builder captureContent(boolean captureContent) {
      this.captureContent = captureContent;
      return this;
    }

    /** The telemetry. */
    public ChatWireTelemetry build() {
      return new ChatWireTelemetry(this);
    }
  }
}
