package dev.chatwire.internal.json;

import dev.chatwire.model.CompletionTokensDetails;
import dev.chatwire.model.PromptTokensDetails;
import dev.chatwire.model.Usage;
import org.jspecify.annotations.Nullable;

/** Reads and writes {@link Usage} and its token breakdowns. */
final class UsageJson {
  private UsageJson() {}

  /** Reads the current usage object, or null for JSON null. */
  static @Nullable Usage readOrNull(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    Usage.Builder b = Usage.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "prompt_tokens":
          b.promptTokens(in.intOr(0));
          break;
        case "completion_tokens":
          b.completionTokens(in.intOr(0));
          break;
        case "total_tokens":
          b.totalTokens(in.intOr(0));
          break;
        case "prompt_tokens_details":
          b.promptTokensDetails(promptDetails(in));
          break;
        case "completion_tokens_details":
          b.completionTokensDetails(completionDetails(in));
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  private static @Nullable PromptTokensDetails promptDetails(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    PromptTokensDetails.Builder b = PromptTokensDetails.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "cached_tokens":
          b.cachedTokens(in.intOrNull());
          break;
        case "audio_tokens":
          b.audioTokens(in.intOrNull());
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  private static @Nullable CompletionTokensDetails completionDetails(JsonIn in) {
    if (in.isNull()) return null;
    in.requireObject();
    CompletionTokensDetails.Builder b = CompletionTokensDetails.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "reasoning_tokens":
          b.reasoningTokens(in.intOrNull());
          break;
        case "audio_tokens":
          b.audioTokens(in.intOrNull());
          break;
        case "accepted_prediction_tokens":
          b.acceptedPredictionTokens(in.intOrNull());
          break;
        case "rejected_prediction_tokens":
          b.rejectedPredictionTokens(in.intOrNull());
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  /** Writes {@code "usage": {...}} when present. */
  static void write(JsonOut out, @Nullable Usage usage) {
    if (usage == null) return;
    out.field("usage");
    out.startObject();
    out.number("prompt_tokens", usage.getPromptTokens());
    out.number("completion_tokens", usage.getCompletionTokens());
    out.number("total_tokens", usage.getTotalTokens());
    PromptTokensDetails p = usage.getPromptTokensDetails();
    if (p != null) {
      out.field("prompt_tokens_details");
      out.startObject();
      out.number("cached_tokens", p.getCachedTokens());
      out.number("audio_tokens", p.getAudioTokens());
      out.extras(p.getExtras());
      out.endObject();
    }
    CompletionTokensDetails c = usage.getCompletionTokensDetails();
    if (c != null) {
      out.field("completion_tokens_details");
      out.startObject();
      out.number("reasoning_tokens", c.getReasoningTokens());
      out.number("audio_tokens", c.getAudioTokens());
      out.number("accepted_prediction_tokens", c.getAcceptedPredictionTokens());
      out.number("rejected_prediction_tokens", c.getRejectedPredictionTokens());
      out.extras(c.getExtras());
      out.endObject();
    }
    out.extras(usage.getExtras());
    out.endObject();
  }
}
