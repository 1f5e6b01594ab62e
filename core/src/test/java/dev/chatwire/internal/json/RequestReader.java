package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.error.DecodeException;
import dev.chatwire.model.AudioParams;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.Prediction;
import dev.chatwire.model.ReasoningEffort;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.Stop;
import dev.chatwire.model.StreamOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Reads the top level of a request and its small members; see {@link RequestCodec}. */
final class RequestReader {
  private RequestReader() {}

  static ChatCompletionRequest request(JsonIn in) {
    in.next();
    in.requireObject();
    ChatCompletionRequest.Builder b = ChatCompletionRequest.builder();
    boolean sawModel = false;
    for (String name; (name = in.nextField()) != null; ) {
      sawModel |= name.equals("model");
      try {
        member(in, b, name);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw in.error(String.valueOf(e.getMessage()));
      }
    }
    if (!sawModel) throw in.error("missing required member 'model'");
    return build(in, b::build);
  }

  private static void member(JsonIn in, ChatCompletionRequest.Builder b, String name) {
    switch (name) {
      case "model": b.model(requireString(in)); break;
      case "messages": b.messages(RequestMessageReader.messages(in)); break;
      case "temperature": b.temperature(in.doubleOrNull()); break;
      case "top_p": b.topP(in.doubleOrNull()); break;
      case "n": b.n(in.intOrNull()); break;
      case "stream": b.stream(in.booleanOrNull()); break;
      case "stream_options": b.streamOptions(streamOptions(in)); break;
      case "stop": b.stop(stop(in)); break;
      case "max_tokens": b.maxTokens(in.intOrNull()); break;
      case "max_completion_tokens": b.maxCompletionTokens(in.intOrNull()); break;
      case "presence_penalty": b.presencePenalty(in.doubleOrNull()); break;
      case "frequency_penalty": b.frequencyPenalty(in.doubleOrNull()); break;
      case "logit_bias": logitBias(in, b); break;
      case "logprobs": b.logprobs(in.booleanOrNull()); break;
      case "top_logprobs": b.topLogprobs(in.intOrNull()); break;
      case "seed": b.seed(in.longOrNull()); break;
      case "user": b.user(in.stringOrNull()); break;
      case "tools": b.tools(RequestToolReader.tools(in)); break;
      case "tool_choice": b.toolChoice(RequestToolReader.toolChoice(in)); break;
      case "parallel_tool_calls": b.parallelToolCalls(in.booleanOrNull()); break;
      case "response_format": b.responseFormat(RequestToolReader.responseFormat(in)); break;
      case "service_tier": {
        String s = in.stringOrNull();
        b.serviceTier(s == null ? null : ServiceTier.of(s));
        break;
      }
      case "reasoning_effort": {
        String s = in.stringOrNull();
        b.reasoningEffort(s == null ? null : ReasoningEffort.of(s));
        break;
      }
      case "metadata": metadata(in, b); break;
      case "store": b.store(in.booleanOrNull()); break;
      case "prediction": b.prediction(prediction(in)); break;
      case "modalities": b.modalities(stringsOrEmpty(in)); break;
      case "audio": b.audio(audio(in)); break;
      default: b.putExtra(name, in.raw());
    }
  }

  private static @Nullable StreamOptions streamOptions(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    StreamOptions.Builder b = StreamOptions.builder();
    for (String name; (name = in.nextField()) != null; ) {
      if (name.equals("include_usage")) b.includeUsage(in.booleanOrNull());
      else b.putExtra(name, in.raw());
    }
    return b.build();
  }

  private static @Nullable Stop stop(JsonIn in) {
    if (in.isNull()) return null;
    if (in.token() == JsonToken.VALUE_STRING) {
      return Stop.of(requireString(in));
    }
    if (in.token() != JsonToken.START_ARRAY) {
      throw in.typeError("a string or an array");
    }
    return Stop.of(stringsOrEmpty(in));
  }

  private static void logitBias(JsonIn in, ChatCompletionRequest.Builder b) {
    if (in.isNull()) return;
    in.requireObject();
    for (String name; (name = in.nextField()) != null; ) {
      Integer bias = in.intOrNull();
      if (bias == null) throw in.typeError("an integer");
      b.putLogitBias(name, bias);
    }
  }

  private static void metadata(JsonIn in, ChatCompletionRequest.Builder b) {
    if (in.isNull()) return;
    in.requireObject();
    for (String name; (name = in.nextField()) != null; ) b.putMetadata(name, requireString(in));
  }

  private static @Nullable Prediction prediction(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    Prediction.Builder b = Prediction.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "type": b.type(requireString(in)); break;
        case "content":
          if (in.token() == JsonToken.START_ARRAY) {
            b.contentParts(RequestMessageReader.parts(in));
          } else {
            b.content(stringOrTypeError(in, "a string or an array"));
          }
          break;
        default: b.putExtra(name, in.raw());
      }
    }
    return build(in, b::build);
  }

  private static @Nullable AudioParams audio(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    AudioParams.Builder b = AudioParams.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "voice":
          // A custom voice is an object; it is kept whole rather than modelled.
          if (in.token() == JsonToken.START_OBJECT) {
            b.putExtra(name, in.raw());
          } else {
            b.voice(in.stringOrNull());
          }
          break;
        case "format": b.format(in.stringOrNull()); break;
        default: b.putExtra(name, in.raw());
      }
    }
    return build(in, b::build);
  }

  /** The current string; null and other types are errors. */
  static String requireString(JsonIn in) {
    String s = in.stringOrNull();
    if (s == null) throw in.typeError("a string");
    return s;
  }

  /** The current string or null; another type is an error naming {@code expected}. */
  static @Nullable String stringOrTypeError(JsonIn in, String expected) {
    JsonToken t = in.token();
    if (t == JsonToken.VALUE_NULL) return null;
    if (t != JsonToken.VALUE_STRING) throw in.typeError(expected);
    return in.stringOrNull();
  }

  /** An array of strings; null gives an empty list. */
  static List<String> stringsOrEmpty(JsonIn in) {
    List<String> out = new ArrayList<>();
    if (!in.beginArrayOrNull()) return out;
    while (in.nextElement()) out.add(requireString(in));
    return out;
  }

  /** The value's raw JSON text, or null for JSON null. */
  static @Nullable String rawOrNull(JsonIn in) {
    return in.isNull() ? null : in.raw();
  }

  /** Runs a model builder, turning its validation error into a decode error here. */
  static <T> T build(JsonIn in, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException | IllegalStateException e) {
      DecodeException d = in.error(String.valueOf(e.getMessage()));
      d.addSuppressed(e);
      throw d;
    }
  }
}
