package dev.chatwire.internal.json;

import dev.chatwire.internal.ModelAccess;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.Choice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.Usage;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads and writes a {@link ChatCompletion}: the body of a non-streaming response. */
public final class CompletionJson {
  private CompletionJson() {}

  /** Reads the completion in {@code buf[off, off+len)}. */
  public static ChatCompletion read(byte[] buf, int off, int len) {
    try (JsonIn in = JsonIn.open(buf, off, len, -1)) {
      return read(in);
    }
  }

  private static ChatCompletion read(JsonIn in) {
    in.next();
    in.requireObject();
    ChatCompletion.Builder b = ChatCompletion.builder();
    String createdText = null;
    MessageJson message = new MessageJson();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "id":
          b.id(in.stringOrNull());
          break;
        case "object":
          b.object(in.stringOrNull());
          break;
        case "created":
          b.created(ValueJson.created(in));
          createdText = ValueJson.createdText(in);
          break;
        case "model":
          b.model(in.stringOrNull());
          break;
        case "choices":
          if (in.beginArrayOrNull()) {
            while (in.nextElement()) b.addChoice(choice(in, message));
          }
          break;
        case "usage":
          b.usage(UsageJson.readOrNull(in));
          break;
        case "service_tier":
          b.serviceTier(serviceTier(in.stringOrNull()));
          break;
        case "system_fingerprint":
          b.systemFingerprint(in.stringOrNull());
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    in.requireEnd();
    ModelAccess.get().createdText(b, createdText);
    return b.build();
  }

  private static Choice choice(JsonIn in, MessageJson message) {
    in.requireObject();
    Choice.Builder b = Choice.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "index":
          b.index(in.intOr(0));
          break;
        case "message":
          message.read(in);
          b.message(message.message());
          break;
        case "finish_reason":
          b.finishReason(finishReason(in.stringOrNull()));
          break;
        case "logprobs":
          b.logprobs(LogprobsJson.readOrNull(in));
          break;
        case "stop_reason":
          b.stopReason(ValueJson.stopReason(in));
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    return b.build();
  }

  static @Nullable FinishReason finishReason(@Nullable String value) {
    return value == null ? null : FinishReason.of(value);
  }

  static @Nullable ServiceTier serviceTier(@Nullable String value) {
    return value == null ? null : ServiceTier.of(value);
  }

  /** Writes a completion. */
  public static void write(JsonOut out, ChatCompletion c) {
    writeHead(out, c.getId(), c.getObject(), c.getCreated(), ModelAccess.get().createdText(c),
        c.getModel());
    for (Choice choice : c.getChoices()) {
      out.startObject();
      out.number("index", choice.getIndex());
      out.field("message");
      MessageJson.write(out, choice.getMessage());
      LogprobsJson.write(out, choice.getLogprobs(), true);
      writeFinishReason(out, choice.getFinishReason());
      ValueJson.writeStopReason(out, choice.getStopReason());
      out.extras(choice.getExtras());
      out.endObject();
    }
    writeTail(out, c.getUsage(), c.getServiceTier(), c.getSystemFingerprint(), c.getExtras());
  }

  /** Opens the object and writes the members before the choices, then opens {@code choices}. */
  static void writeHead(JsonOut out, @Nullable String id, @Nullable String object,
      @Nullable Long created,
      @Nullable String createdText, @Nullable String model) {
    out.startObject();
    out.string("id", id);
    out.string("object", object);
    ValueJson.writeCreated(out, created, createdText);
    out.string("model", model);
    out.field("choices");
    out.startArray();
  }

  /** Closes {@code choices}, writes the members after them and closes the object. */
  static void writeTail(JsonOut out, @Nullable Usage usage, @Nullable ServiceTier tier,
      @Nullable String fingerprint, Map<String, String> extras) {
    out.endArray();
    UsageJson.write(out, usage);
    if (tier != null) out.string("service_tier", tier.getValue());
    out.string("system_fingerprint", fingerprint);
    out.extras(extras);
    out.endObject();
  }

  /** Writes {@code finish_reason}, as {@code null} when absent. */
  static void writeFinishReason(JsonOut out, @Nullable FinishReason reason) {
    if (reason == null) out.nullField("finish_reason");
    else out.string("finish_reason", reason.getValue());
  }
}
