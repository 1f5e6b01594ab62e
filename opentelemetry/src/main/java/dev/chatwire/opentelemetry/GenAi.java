package dev.chatwire.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.Arrays;
import java.util.List;

/**
 * The names this module records, from the OpenTelemetry semantic conventions for generative AI
 * (status: development; the names of v1.37 and later, which say {@code gen_ai.provider.name}
 * where v1.36 and earlier said {@code gen_ai.system}), plus ChatWire's own retry event.
 */
final class GenAi {
  private GenAi() {}

  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<Double> REQUEST_TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
  static final AttributeKey<Double> REQUEST_FREQUENCY_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.frequency_penalty");
  static final AttributeKey<Double> REQUEST_PRESENCE_PENALTY =
      AttributeKey.doubleKey("gen_ai.request.presence_penalty");
  static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES =
      AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
  static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
  static final AttributeKey<Long> REQUEST_CHOICE_COUNT =
      AttributeKey.longKey("gen_ai.request.choice.count");
  static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
  static final AttributeKey<String> OUTPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.output.messages");

  /** ChatWire's span event when a retry is scheduled, with the next attempt and its delay. */
  static final String RETRY_EVENT = "chatwire.retry";
  static final AttributeKey<Long> RETRY_ATTEMPT = AttributeKey.longKey("chatwire.retry.attempt");
  static final AttributeKey<Double> RETRY_DELAY = AttributeKey.doubleKey("chatwire.retry.delay");

  static final String CHAT = "chat";

  static final String TOKEN_USAGE = "gen_ai.client.token.usage";
  static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
  static final String TIME_TO_FIRST_CHUNK = "gen_ai.client.operation.time_to_first_chunk";
  static final String TIME_PER_OUTPUT_CHUNK = "gen_ai.client.operation.time_per_output_chunk";

  /** The bucket boundaries the conventions advise for token counts. */
  static final List<Long> TOKEN_BUCKETS = Arrays.asList(1L, 4L, 16L, 64L, 256L, 1024L, 4096L,
      16384L, 65536L, 262144L, 1048576L, 4194304L, 16777216L, 67108864L);
  /** The bucket boundaries the conventions advise for durations, in seconds. */
  static final List<Double> DURATION_BUCKETS = Arrays.asList(0.01, 0.02, 0.04, 0.08, 0.16, 0.32,
      0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  /** The bucket boundaries for the time between chunks, in seconds. */
  static final List<Double> CHUNK_BUCKETS = Arrays.asList(0.01, 0.025, 0.05, 0.075, 0.1, 0.15,
      0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5);
}
