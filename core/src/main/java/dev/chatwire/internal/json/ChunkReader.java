package dev.chatwire.internal.json;

import dev.chatwire.internal.ModelAccess;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.ServiceTier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the chunks of one stream, each straight from the bytes of its SSE event.
 *
 * <p>The {@code id}, {@code object}, {@code model}, {@code system_fingerprint} and {@code
 * service_tier} that repeat on every chunk are compared with the previous chunk's and, when
 * equal, the previous instances are returned, so the per-chunk path makes no new String for
 * them. One Jackson parser is fed chunk after chunk (see {@link JsonIn#reusable()}), so a chunk
 * costs no parser either. Not thread-safe: one per stream, used by one thread at a time.
 */
public final class ChunkReader implements AutoCloseable {
  private @Nullable JsonIn in;
  private final ReusedString id = new ReusedString();
  private final ReusedString object = new ReusedString();
  private final ReusedString model = new ReusedString();
  private final ReusedString fingerprint = new ReusedString();
  private final ReusedValue<ServiceTier> tier = new ReusedValue<>(ServiceTier::of);
  private final ReusedValue<FinishReason> finishReason = new ReusedValue<>(FinishReason::of);
  private final MessageJson delta = new MessageJson();

  /** Reads the chunk in {@code buf[off, off+len)}; {@code eventIndex} locates errors (-1: none). */
  public ChatCompletionChunk read(byte[] buf, int off, int len, long eventIndex) {
    JsonIn in = this.in;
    if (in == null) in = this.in = JsonIn.reusable();
    try {
      in.feed(buf, off, len, eventIndex);
      return read(in);
    } catch (RuntimeException e) {
      // The parser's state is undefined after an error: the next chunk gets a fresh one.
      this.in = null;
      in.close();
      throw e;
    }
  }

  /**
   * Reads one chunk on its own, with a parser made for it (cheaper than a reusable one when there
   * is only one document).
   */
  public static ChatCompletionChunk readOne(byte[] buf, int off, int len, long eventIndex) {
    try (JsonIn in = JsonIn.open(buf, off, len, eventIndex)) {
      return new ChunkReader().read(in);
    }
  }

  /** Releases the parser's buffers; the reader may still be used (it then makes a new parser). */
  @Override
  public void close() {
    JsonIn in = this.in;
    this.in = null;
    if (in != null) in.close();
  }

  private ChatCompletionChunk read(JsonIn in) {
    in.next();
    in.requireObject();
    ChatCompletionChunk.Builder b = ChatCompletionChunk.builder();
    String createdText = ValueJson.ABSENT;
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "id":
          b.id(in.stringOrNullReusing(id));
          break;
        case "object":
          b.object(in.stringOrNullReusing(object));
          break;
        case "created":
          b.created(ValueJson.created(in));
          createdText = ValueJson.createdText(in);
          break;
        case "model":
          b.model(in.stringOrNullReusing(model));
          break;
        case "choices":
          b.choices(choices(in));
          break;
        case "usage":
          b.usage(UsageJson.readOrNull(in));
          break;
        case "service_tier":
          b.serviceTier(tier.read(in));
          break;
        case "system_fingerprint":
          b.systemFingerprint(in.stringOrNullReusing(fingerprint));
          break;
        default:
          b.putExtra(name, in.raw());
      }
    }
    in.requireEnd();
    if (createdText != null) ModelAccess.get().createdText(b, createdText);
    return b.build();
  }

  private List<ChunkChoice> choices(JsonIn in) {
    if (!in.beginArrayOrNull() || !in.nextElement()) return Collections.emptyList();
    ChunkChoice first = choice(in);
    if (!in.nextElement()) return Collections.singletonList(first);
    List<ChunkChoice> list = new ArrayList<>();
    list.add(first);
    do {
      list.add(choice(in));
    } while (in.nextElement());
    return list;
  }

  private ChunkChoice choice(JsonIn in) {
    in.requireObject();
    ChunkChoice.Builder b = ChunkChoice.builder();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "index":
          b.index(in.intOr(0));
          break;
        case "delta":
          delta.read(in);
          b.delta(delta.delta());
          break;
        case "finish_reason":
          b.finishReason(finishReason.read(in));
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
}
