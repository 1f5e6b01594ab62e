package dev.chatwire.internal.json;

import dev.chatwire.internal.ModelAccess;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;

/** Writes a {@link ChatCompletionChunk}: the data of one stream event. */
public final class ChunkWriter {
  private ChunkWriter() {}

  /** Writes a chunk. */
  public static void write(JsonOut out, ChatCompletionChunk c) {
    CompletionJson.writeHead(out, c.getId(), c.getObject(), c.getCreated(),
        ModelAccess.get().createdText(c), c.getModel());
    for (ChunkChoice choice : c.getChoices()) {
      out.startObject();
      out.number("index", choice.getIndex());
      out.field("delta");
      MessageJson.write(out, choice.getDelta());
      LogprobsJson.write(out, choice.getLogprobs(), false);
      CompletionJson.writeFinishReason(out, choice.getFinishReason());
      ValueJson.writeStopReason(out, choice.getStopReason());
      out.extras(choice.getExtras());
      out.endObject();
    }
    CompletionJson.writeTail(
        out, c.getUsage(), c.getServiceTier(), c.getSystemFingerprint(), c.getExtras());
  }
}
