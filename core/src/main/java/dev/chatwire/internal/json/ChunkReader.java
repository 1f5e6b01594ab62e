package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.internal.ChunkHead;
import dev.chatwire.internal.ModelAccess;
import dev.chatwire.internal.SmallList;
import dev.chatwire.internal.WordView;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Logprobs;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.StopReason;
import dev.chatwire.model.Usage;
import java.io.IOException;
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
 * them. Better still, when a chunk starts with exactly the bytes of the previous chunk's leading
 * members (see {@link RepeatedHead}), their values are taken from that read and only the rest is
 * read: by hand, without the parser, when it has the common shape of a content chunk (see {@link
 * ChunkTail}), else tokenized. Anything else, or any error on that path, means a full read. One
 * Jackson parser is fed chunk after chunk (see {@link JsonIn#reusable()}), so a chunk costs no
 * parser either; it is made only when a chunk needs it. Not
 * thread-safe: one per stream, used by one thread at a time.
 */
public final class ChunkReader implements AutoCloseable {
  private @Nullable JsonIn in;
  // What reading with the parser needs besides it; made and dropped with it.
  private @Nullable Parsing parsing;
  private @Nullable Long lastCreated;
  private final ModelAccess access = ModelAccess.get();
  private static final byte[] OPEN_OBJECT = {'{'};
  // Of the event's array, which the SSE decoder lets go of past 64 KiB.
  private final WordView words = new WordView(64 * 1024);
  private final RepeatedHead head = new RepeatedHead(words);
  private final ChunkTail tail = new ChunkTail(words);
  // The values of the kept head's members, as they stood after its last member.
  private ChunkHead kept = ChunkHead.EMPTY;
  // The last chunk's, which the next chunk shares when it repeats them.
  private @Nullable ChunkHead last;
  // Head members the last full read saw before the first other member.
  private int headMembers;

  /** Reads the chunk in {@code buf[off, off+len)}; {@code eventIndex} locates errors (-1: none). */
  public ChatCompletionChunk read(byte[] buf, int off, int len, long eventIndex) {
    boolean afterHead = head.startsWithHead(buf, off, len);
    if (afterHead) {
      List<ChunkChoice> choices = tail.read(buf, off + head.length(), off + len);
      if (choices != null) {
        byte[] padding = tail.padding();
        return padding != null ? access.paddedChunk(kept, choices, null, padding)
            : access.chunk(kept, choices, null, tail.extras());
      }
    }
    JsonIn in = this.in;
    if (in == null) in = this.in = JsonIn.reusable();
    if (afterHead) {
      try {
        return readAfterHead(in, buf, off, len, eventIndex);
      } catch (RuntimeException e) {
        // Read it again in full below, so that an error names its place in the whole event.
        in.close();
        in = this.in = JsonIn.reusable();
      }
    }
    try {
      in.feed(buf, off, len, eventIndex);
      ChatCompletionChunk chunk = read(in);
      head.keep(buf, off, len, headMembers);
      return chunk;
    } catch (RuntimeException e) {
      // The parser's state is undefined after an error: the next chunk gets a fresh one.
      this.in = null;
      head.forget();
      in.close();
      throw e;
    }
  }

  // The parser is fed an opening brace alone and then the bytes after the head, so it reads on as
  // if it had tokenized the head itself.
  private ChatCompletionChunk readAfterHead(JsonIn in, byte[] buf, int off, int len,
      long eventIndex) {
    in.feed(OPEN_OBJECT, 0, 1, eventIndex);
    in.next();
    try {
      if (in.parser().nextToken() != JsonToken.NOT_AVAILABLE) {
        throw in.error("expected more input");
      }
    } catch (IOException e) {
      throw in.error("unreadable JSON");
    }
    int skip = head.length();
    in.feed(buf, off + skip, len - skip, eventIndex);
    return members(in, true);
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

  /** Whether the reader holds a parser (between {@link #close()} and the next read it does not). */
  public boolean isOpen() {
    return in != null;
  }

  /**
   * Releases the parser's buffers and the hand-read path's; the reader may still be used (it
   * then makes them again).
   */
  @Override
  public void close() {
    JsonIn in = this.in;
    this.in = null;
    parsing = null;
    if (in != null) in.close();
    tail.release();
    words.clear();
  }

  /** The state of reads with the parser: values that repeat, and the gatherers of members. */
  private static final class Parsing {
    final ReusedString id = new ReusedString();
    final ReusedString object = new ReusedString();
    final ReusedString model = new ReusedString();
    final ReusedString fingerprint = new ReusedString();
    final ReusedValue<ServiceTier> tier = new ReusedValue<>(ServiceTier::of);
    final ReusedValue<FinishReason> finishReason = new ReusedValue<>(FinishReason::of);
    final MessageJson delta = new MessageJson();
    // Unknown members of the chunk and of a choice, gathered here and copied into the model.
    final ExtrasGatherer chunkExtras = new ExtrasGatherer();
    final ExtrasGatherer choiceExtras = new ExtrasGatherer();
  }

  private Parsing parsing() {
    Parsing p = parsing;
    if (p == null) p = parsing = new Parsing();
    return p;
  }

  private ChatCompletionChunk read(JsonIn in) {
    in.next();
    in.requireObject();
    return members(in, false);
  }

  // Reads the chunk's members up to its end; afterHead: the head's were taken from the last read.
  private ChatCompletionChunk members(JsonIn in, boolean afterHead) {
    Parsing p = parsing();
    ExtrasGatherer chunkExtras = p.chunkExtras;
    ChunkHead h = kept;
    String id = afterHead ? h.id() : null;
    String object = afterHead ? h.object() : null;
    Long created = afterHead ? h.created() : null;
    String createdText = afterHead ? h.createdText() : null;
    String model = afterHead ? h.model() : null;
    List<ChunkChoice> choices = SmallList.of();
    Usage usage = null;
    ServiceTier serviceTier = afterHead ? h.serviceTier() : null;
    String fingerprint = afterHead ? h.systemFingerprint() : null;
    chunkExtras.clear();
    // Head members seen so far from the first member on; -1 once another member came.
    int run = afterHead ? -1 : 0;
    headMembers = 0;
    for (String name; (name = in.nextField()) != null; ) {
      if (run >= 0) {
        if (RepeatedHead.isHeadName(name)) {
          run++;
        } else {
          headMembers = run;
          run = -1;
          kept = last = ChunkHead.of(last, id, object, created, createdText, model, serviceTier,
              fingerprint);
        }
      }
      switch (name) {
        case "id":
          id = in.stringOrNullReusing(p.id);
          break;
        case "object":
          object = in.stringOrNullReusing(p.object);
          break;
        case "created":
          created = in.isNull() ? null : reuse(ValueJson.createdSeconds(in));
          createdText = ValueJson.createdText(in);
          break;
        case "model":
          model = in.stringOrNullReusing(p.model);
          break;
        case "choices":
          choices = choices(in, p);
          break;
        case "usage":
          usage = UsageJson.readOrNull(in);
          break;
        case "service_tier":
          serviceTier = p.tier.read(in);
          break;
        case "system_fingerprint":
          fingerprint = in.stringOrNullReusing(p.fingerprint);
          break;
        default:
          chunkExtras.putRaw(name, in);
      }
    }
    in.requireEnd();
    ChunkHead head = last = ChunkHead.of(last, id, object, created, createdText, model,
        serviceTier, fingerprint);
    return access.chunk(head, choices, usage, chunkExtras.copy());
  }

  /** The boxed {@code created} of the previous chunk when it is the same: streams repeat it. */
  private Long reuse(long created) {
    Long last = lastCreated;
    if (last != null && last == created) return last;
    return lastCreated = created;
  }

  private List<ChunkChoice> choices(JsonIn in, Parsing p) {
    if (!in.beginArrayOrNull() || !in.nextElement()) return SmallList.of();
    ChunkChoice first = choice(in, p);
    if (!in.nextElement()) return SmallList.of(first);
    List<ChunkChoice> list = new ArrayList<>();
    list.add(first);
    do {
      list.add(choice(in, p));
    } while (in.nextElement());
    return SmallList.copyOf(list);
  }

  private ChunkChoice choice(JsonIn in, Parsing p) {
    ExtrasGatherer choiceExtras = p.choiceExtras;
    MessageJson delta = p.delta;
    in.requireObject();
    int index = 0;
    Delta d = null;
    FinishReason reason = null;
    Logprobs logprobs = null;
    StopReason stopReason = null;
    choiceExtras.clear();
    for (String name; (name = in.nextField()) != null; ) {
      switch (name) {
        case "index":
          index = in.intOr(0);
          break;
        case "delta":
          delta.read(in);
          d = delta.delta();
          break;
        case "finish_reason":
          reason = p.finishReason.read(in);
          break;
        case "logprobs":
          logprobs = LogprobsJson.readOrNull(in);
          break;
        case "stop_reason":
          stopReason = ValueJson.stopReason(in);
          break;
        default:
          choiceExtras.putRaw(name, in);
      }
    }
    return access.chunkChoice(index, d, reason, logprobs, stopReason, choiceExtras.copy());
  }
}
