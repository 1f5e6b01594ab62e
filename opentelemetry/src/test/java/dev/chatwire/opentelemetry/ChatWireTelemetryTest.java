package dev.chatwire.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.ChatWire;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.error.BadRequestException;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ContentPart;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.Stop;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.testkit.ClientHarness;
import dev.chatwire.testkit.MockResponse;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.jdk.JdkTransport;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans and metrics of real calls to the scripted server, read back from the SDK's memory. */
class ChatWireTelemetryTest extends ClientHarness {
  private static final String USAGE_CHUNK =
      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
          + "\"model\":\"gpt-test\",\"choices\":[],"
          + "\"usage\":{\"prompt_tokens\":4,\"completion_tokens\":2,\"total_tokens\":6}}";

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .build();

  @Override
  protected Transport newTransport() {
    return JdkTransport.create();
  }

  @AfterEach
  void closeSdk() {
    otel.close();
  }

  private ChatWire traced(Consumer<ChatWire.Builder> more) {
    return client(b -> {
      b.eventListenerFactory(ChatWireTelemetry.create(otel).eventListenerFactory())
          .scheduler(Scheduler.system())
          .retryPolicy(RetryPolicy.builder().initialDelay(Duration.ZERO).maxDelay(Duration.ZERO).build());
      more.accept(b);
    });
  }

  private static ChatCompletionRequest tuned() {
    return request().toBuilder().maxTokens(64).temperature(0.5).topP(0.9).seed(7L)
        .stop(Stop.of(Arrays.asList("END", "STOP"))).build();
  }

  private SpanData onlySpan() {
    List<SpanData> finished = spans.getFinishedSpanItems();
    assertThat(finished).hasSize(1);
    return finished.get(0);
  }

  private MetricData metric(Collection<MetricData> all, String name) {
    return all.stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
  }

  private static List<HistogramPointData> points(MetricData m) {
    return new ArrayList<>(m.getHistogramData().getPoints());
  }

  private static <T> T attr(Attributes a, AttributeKey<T> key) {
    return a.get(key);
  }

  @Test
  void aBlockingCallIsAChatSpanWithTheRequestAndResponseAttributes() {
    server.enqueue(MockResponse.json(completionJson("Hi")));

    traced(b -> {}).chat().create(tuned());

    SpanData span = onlySpan();
    Attributes a = span.getAttributes();
    assertThat(span.getName()).isEqualTo("chat gpt-test");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(attr(a, GenAi.OPERATION_NAME)).isEqualTo("chat");
    assertThat(attr(a, GenAi.PROVIDER_NAME)).isEqualTo("openai");
    assertThat(attr(a, GenAi.REQUEST_MODEL)).isEqualTo("gpt-test");
    assertThat(attr(a, GenAi.REQUEST_MAX_TOKENS)).isEqualTo(64L);
    assertThat(attr(a, GenAi.REQUEST_TEMPERATURE)).isEqualTo(0.5);
    assertThat(attr(a, GenAi.REQUEST_TOP_P)).isEqualTo(0.9);
    assertThat(attr(a, GenAi.REQUEST_SEED)).isEqualTo(7L);
    assertThat(attr(a, GenAi.REQUEST_STOP_SEQUENCES)).containsExactly("END", "STOP");
    assertThat(attr(a, GenAi.SERVER_ADDRESS)).isEqualTo(server.url("/").getHost());
    assertThat(attr(a, GenAi.SERVER_PORT)).isEqualTo((long) server.url("/").getPort());
    assertThat(attr(a, GenAi.RESPONSE_ID)).isEqualTo("chatcmpl-1");
    assertThat(attr(a, GenAi.RESPONSE_MODEL)).isEqualTo("gpt-test");
    assertThat(attr(a, GenAi.RESPONSE_FINISH_REASONS)).containsExactly("stop");
    assertThat(attr(a, GenAi.USAGE_INPUT_TOKENS)).isEqualTo(3L);
    assertThat(attr(a, GenAi.USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
    assertThat(a.asMap()).doesNotContainKey(GenAi.ERROR_TYPE);

    Collection<MetricData> all = metrics.collectAllMetrics();
    MetricData duration = metric(all, "gen_ai.client.operation.duration");
    assertThat(duration.getUnit()).isEqualTo("s");
    HistogramPointData d = points(duration).get(0);
    assertThat(d.getCount()).isEqualTo(1);
    assertThat(d.getSum()).isGreaterThan(0).isLessThan(10);
    assertThat(attr(d.getAttributes(), GenAi.RESPONSE_MODEL)).isEqualTo("gpt-test");
    assertThat(attr(d.getAttributes(), GenAi.PROVIDER_NAME)).isEqualTo("openai");
    MetricData tokens = metric(all, "gen_ai.client.token.usage");
    assertThat(tokens.getUnit()).isEqualTo("{token}");
    assertThat(points(tokens)).extracting(p -> attr(p.getAttributes(), GenAi.TOKEN_TYPE) + "=" + p.getSum())
        .containsExactlyInAnyOrder("input=3.0", "output=2.0");
    assertThat(all).extracting(MetricData::getName)
        .doesNotContain("gen_ai.client.operation.time_to_first_chunk");
  }

  @Test
  void aStreamRecordsTheTimeToItsFirstChunkAndTheUsageOfItsLastOne() {
    server.enqueue(MockResponse.sse(chunkJson("a"), chunkJson("b"), chunkJson("c"), USAGE_CHUNK));
    ChatWire c = client(b -> b.eventListenerFactory(
        ChatWireTelemetry.builder(otel).providerName("groq").build().eventListenerFactory()));

    try (ChatStream s = c.chat().stream(request())) {
      for (ChatCompletionChunk ignored : s) {
        // read to the end
      }
    }

    SpanData span = onlySpan();
    assertThat(attr(span.getAttributes(), GenAi.PROVIDER_NAME)).isEqualTo("groq");
    assertThat(attr(span.getAttributes(), GenAi.USAGE_INPUT_TOKENS)).isEqualTo(4L);
    assertThat(attr(span.getAttributes(), GenAi.USAGE_OUTPUT_TOKENS)).isEqualTo(2L);
    Collection<MetricData> all = metrics.collectAllMetrics();
    HistogramPointData first = points(metric(all, "gen_ai.client.operation.time_to_first_chunk")).get(0);
    assertThat(first.getCount()).isEqualTo(1);
    assertThat(attr(first.getAttributes(), GenAi.RESPONSE_MODEL)).isEqualTo("gpt-test");
    HistogramPointData total = points(metric(all, "gen_ai.client.operation.duration")).get(0);
    assertThat(first.getSum()).isLessThanOrEqualTo(total.getSum());
    assertThat(points(metric(all, "gen_ai.client.operation.time_per_output_chunk")).get(0).getCount())
        .isEqualTo(3);
    assertThat(points(metric(all, "gen_ai.client.token.usage"))).hasSize(2);
  }

  @Test
  void anErrorStatusEndsTheSpanWithItsErrorType() {
    server.enqueue(MockResponse.error(400, "{\"error\":{\"message\":\"bad " + SECRET + "\"}}"));

    catchThrowableOfType(BadRequestException.class, () -> traced(b -> {}).chat().create(request()));

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(attr(span.getAttributes(), GenAi.ERROR_TYPE))
        .isEqualTo("dev.chatwire.error.BadRequestException");
    assertThat(span.getEvents()).extracting(EventData::getName).contains("exception");
    HistogramPointData d = points(metric(metrics.collectAllMetrics(), "gen_ai.client.operation.duration")).get(0);
    assertThat(attr(d.getAttributes(), GenAi.ERROR_TYPE)).isEqualTo("dev.chatwire.error.BadRequestException");
    assertThat(span.toString()).doesNotContain(SECRET);
  }

  @Test
  void aRetryIsAnEventOfTheOneSpan() {
    server.enqueue(MockResponse.error(503, "{\"error\":{\"message\":\"busy\"}}"));
    server.enqueue(MockResponse.json(completionJson("Hi")));

    traced(b -> {}).chat().create(request());

    SpanData span = onlySpan();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.getEvents()).hasSize(1);
    EventData retry = span.getEvents().get(0);
    assertThat(retry.getName()).isEqualTo("chatwire.retry");
    assertThat(attr(retry.getAttributes(), GenAi.RETRY_ATTEMPT)).isEqualTo(2L);
    assertThat(attr(retry.getAttributes(), GenAi.ERROR_TYPE))
        .isEqualTo("dev.chatwire.error.InternalServerException");
    assertThat(points(metric(metrics.collectAllMetrics(), "gen_ai.client.operation.duration")).get(0).getCount())
        .isEqualTo(1);
  }

  @Test
  void theSpanIsAChildOfTheCallersCurrentSpanAndHoldsNoKeyNorContent() {
    server.enqueue(MockResponse.json(completionJson("secret answer")));
    ChatWire c = traced(b -> {});
    Span parent = otel.getTracer("test").spanBuilder("parent").startSpan();

    try (Scope ignored = parent.makeCurrent()) {
      c.chat().create(request());
    } finally {
      parent.end();
    }

    SpanData chat = spans.getFinishedSpanItems().stream()
        .filter(s -> s.getName().startsWith("chat")).findFirst().orElseThrow(AssertionError::new);
    assertThat(chat.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(chat.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
    String recorded = chat + " " + metrics.collectAllMetrics();
    assertThat(recorded).doesNotContain(SECRET).doesNotContain("Hello").doesNotContain("secret answer");
  }

  @Test
  void capturedContentIsTheConversationAsRolesAndParts() {
    server.enqueue(MockResponse.json(completionJson("Sunny")));
    ChatCompletionRequest request = ChatCompletionRequest.builder().model("gpt-test")
        .addSystemMessage("Be brief.")
        .addMessage(ChatMessage.user(ContentPart.text("Weather?"), ContentPart.imageUrl("https://x/y.png")))
        .addMessage(ChatMessage.assistant(null,
            Arrays.asList(ToolCall.function("call_1", "get_weather", "{\"city\":\"Oslo\"}"))))
        .addMessage(ChatMessage.tool("call_1", "12C"))
        .build();

    client(b -> b.eventListenerFactory(
            ChatWireTelemetry.builder(otel).captureContent(true).build().eventListenerFactory()))
        .chat().create(request);

    Attributes a = onlySpan().getAttributes();
    assertThat(attr(a, GenAi.INPUT_MESSAGES)).isEqualTo("["
        + "{\"role\":\"system\",\"parts\":[{\"type\":\"text\",\"content\":\"Be brief.\"}]},"
        + "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Weather?\"},"
        + "{\"type\":\"image_url\"}]},"
        + "{\"role\":\"assistant\",\"parts\":[{\"type\":\"tool_call\",\"id\":\"call_1\","
        + "\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}]},"
        + "{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"call_1\","
        + "\"response\":\"12C\"}]}]");
    assertThat(attr(a, GenAi.OUTPUT_MESSAGES)).isEqualTo("[{\"role\":\"assistant\","
        + "\"parts\":[{\"type\":\"text\",\"content\":\"Sunny\"}],\"finish_reason\":\"stop\"}]");
  }
}
