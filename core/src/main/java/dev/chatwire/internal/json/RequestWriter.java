package dev.chatwire.internal.json;

import dev.chatwire.model.AudioParams;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.Prediction;
import dev.chatwire.model.StreamOptions;
import dev.chatwire.model.Stop;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes the top level of a request and its small members; see {@link RequestCodec}. */
final class RequestWriter {
  private RequestWriter() {}

  static void write(ChatCompletionRequest r, JsonOut out) {
    out.startObject();
    out.string("model", r.getModel());
    out.field("messages");
    out.startArray();
    for (ChatMessage m : r.getMessages()) RequestMessageWriter.message(m, out);
    out.endArray();
    out.number("temperature", r.getTemperature());
    out.number("top_p", r.getTopP());
    out.number("n", r.getN());
    out.bool("stream", r.getStream());
    streamOptions(r.getStreamOptions(), out);
    stop(r.getStop(), out);
    out.number("max_tokens", r.getMaxTokens());
    out.number("max_completion_tokens", r.getMaxCompletionTokens());
    out.number("presence_penalty", r.getPresencePenalty());
    out.number("frequency_penalty", r.getFrequencyPenalty());
    if (!r.getLogitBias().isEmpty()) {
      out.field("logit_bias");
      out.startObject();
      for (Map.Entry<String, Integer> e : r.getLogitBias().entrySet()) {
        out.number(e.getKey(), e.getValue());
      }
      out.endObject();
    }
    out.bool("logprobs", r.getLogprobs());
    out.number("top_logprobs", r.getTopLogprobs());
    out.number("seed", r.getSeed());
    out.string("user", r.getUser());
    RequestToolWriter.tools(r.getTools(), out);
    RequestToolWriter.toolChoice(r.getToolChoice(), out);
    out.bool("parallel_tool_calls", r.getParallelToolCalls());
    RequestToolWriter.responseFormat(r.getResponseFormat(), out);
    if (r.getServiceTier() != null) out.string("service_tier", r.getServiceTier().getValue());
    if (r.getReasoningEffort() != null) {
      out.string("reasoning_effort", r.getReasoningEffort().getValue());
    }
    if (!r.getMetadata().isEmpty()) {
      out.field("metadata");
      out.startObject();
      for (Map.Entry<String, String> e : r.getMetadata().entrySet()) {
        out.string(e.getKey(), e.getValue());
      }
      out.endObject();
    }
    out.bool("store", r.getStore());
    prediction(r.getPrediction(), out);
    if (!r.getModalities().isEmpty()) {
      out.field("modalities");
      strings(r.getModalities(), out);
    }
    audio(r.getAudio(), out);
    out.extras(r.getExtras());
    out.endObject();
  }

  static void strings(List<String> values, JsonOut out) {
    out.startArray();
    for (String v : values) out.run(() -> out.gen().writeString(Utf16.wellFormed(v)));
    out.endArray();
  }

  /**
   * Writes {@code stream_options} only when it asks for something: options with nothing but a
   * false or absent {@code include_usage} mean what no field means, and strict servers (Mistral,
   * Fireworks, Databricks, pydantic proxies that forbid extra fields) refuse the field itself.
   */
  private static void streamOptions(@Nullable StreamOptions o, JsonOut out) {
    if (o == null || !Boolean.TRUE.equals(o.getIncludeUsage()) && o.getExtras().isEmpty()) return;
    out.field("stream_options");
    out.startObject();
    out.bool("include_usage", o.getIncludeUsage());
    out.extras(o.getExtras());
    out.endObject();
  }

  private static void stop(@Nullable Stop stop, JsonOut out) {
    if (stop == null) return;
    if (stop.isList()) {
      out.field("stop");
      strings(stop.getSequences(), out);
    } else {
      out.string("stop", stop.getSequences().get(0));
    }
  }

  private static void prediction(@Nullable Prediction p, JsonOut out) {
    if (p == null) return;
    out.field("prediction");
    out.startObject();
    out.string("type", p.getType());
    RequestMessageWriter.content(p.getContent(), p.getContentParts(), out);
    out.extras(p.getExtras());
    out.endObject();
  }

  private static void audio(@Nullable AudioParams a, JsonOut out) {
    if (a == null) return;
    out.field("audio");
    out.startObject();
    out.string("voice", a.getVoice());
    out.string("format", a.getFormat());
    out.extras(a.getExtras());
    out.endObject();
  }
}
