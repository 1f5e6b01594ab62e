package dev.chatwire.stream;

import dev.chatwire.internal.ModelAccess;
import dev.chatwire.internal.OneRawExtra;
import dev.chatwire.internal.stream.ChoiceAccumulator;
import dev.chatwire.internal.stream.Indexes;
import dev.chatwire.internal.stream.MergedExtras;
import dev.chatwire.internal.stream.Texts;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.Usage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the chunks of one stream into the {@link ChatCompletion} a non-streamed call would have
 * returned ({@code object} is {@code chat.completion}). Add every chunk in the order it arrived;
 * {@link #snapshot()} gives the completion so far at any moment, before the first chunk, after a
 * failure, or after the last chunk whether or not {@code [DONE]} came.
 *
 * <p><b>Choices</b> are keyed by {@code index}; they may arrive in any order and interleaved
 * ({@code n > 1}) and come out sorted by index. For each choice:
 *
 * <ul>
 *   <li>{@code role} is the first non-null one, {@code assistant} when none came;
 *   <li>{@code content}, {@code refusal}, {@code reasoning_content} and {@code reasoning} are their
 *       non-null pieces concatenated, null when no piece came;
 *   <li>{@code tool_calls} are merged by {@code index} (by position in the delta's list when the
 *       index is missing, as Mistral sends them; an index need not start at 0): {@code id},
 *       {@code type} and {@code function.name} come from the first fragment that has them,
 *       {@code function.arguments} are concatenated; a whole call may come in one fragment. A
 *       fragment whose {@code id} differs from the call held at its index starts a new call. The
 *       calls come out in index order <em>without</em> their {@code index}, as in a non-streamed
 *       message. The deprecated {@code function_call} and audio fragments merge the same way;
 *   <li>{@code finish_reason} is the last non-null one; vLLM's {@code stop_reason} is the last
 *       non-null one sent with a {@code finish_reason};
 *   <li>{@code logprobs.content} and {@code logprobs.refusal} are appended;
 *   <li>unknown delta members become message members: strings concatenated, arrays appended,
 *       objects merged member by member, other values: the last wins;
 *   <li>unknown choice members stay choice members: arrays appended, objects merged member by
 *       member (so Azure's {@code content_filter_results} keeps every category any chunk
 *       reported, the last verdict of each), other values: the last wins.
 * </ul>
 *
 * <p><b>Top level:</b> {@code id} and {@code model} are the first non-empty ones and {@code
 * created} the first non-zero one (0 when every chunk sent 0, null when none sent it: absent stays
 * absent, never 1970). Azure's first chunk has an empty id and model and {@code created: 0};
 * llama.cpp changes {@code created} mid-stream; some servers change the id on every
 * chunk. {@code system_fingerprint} and {@code service_tier} are the first non-null ones; {@code
 * usage} is the last non-null one, wherever it came (on a last chunk with no choices, on the
 * finish chunk, or on every chunk). Unknown chunk members become completion members, the first
 * non-null value winning, except Azure's {@code prompt_filter_results} (and the older {@code
 * prompt_annotations}), whose arrays are appended into one, and OpenAI's {@code obfuscation}, a
 * random padding that differs on every chunk and is dropped. Chunks after a choice finished (a
 * repeated finish, a usage chunk, Azure's late filter results) are merged like any other.
 *
 * <p>{@link #add} costs what the chunk holds, whatever order the indexes come in. It throws only
 * a {@link dev.chatwire.error.DecodeException} for a choice or tool call {@code index} outside
 * {@code 0..1023} (no provider sends one; a hostile server could make an accumulator hold
 * millions of parts). {@link #snapshot()} builds new objects
 * each time (linear in what was accumulated), so call it when a completion is needed, not per
 * chunk.
 *
 * <p><b>Threading:</b> not thread-safe; use one accumulator per stream, from one thread at a time.
 *
 * <pre>{@code
 * ChunkAccumulator acc = new ChunkAccumulator();
 * for (ChatCompletionChunk chunk : chunks) {
 *   acc.add(chunk);
 * }
 * ChatCompletion completion = acc.snapshot();
 * String text = completion.getChoices().get(0).getMessage().getContent();
 * }</pre>
 *
 * <p>Kotlin:
 *
 * <pre>{@code
 * val acc = ChunkAccumulator()
 * chunks.forEach(acc::add)
 * val text = acc.snapshot().choices.firstOrNull()?.message?.content
 * }</pre>
 */
public final class ChunkAccumulator {
  private static final String OBFUSCATION = OneRawExtra.PADDING;
  private static final String PROMPT_FILTER_RESULTS = "prompt_filter_results";
  private static final String PROMPT_ANNOTATIONS = "prompt_annotations";

  private @Nullable String id;
  private @Nullable String model;
  private @Nullable Long created;
  private @Nullable String createdText;
  private @Nullable String systemFingerprint;
  private @Nullable ServiceTier serviceTier;
  private @Nullable Usage usage;
  private final MergedExtras extras = MergedExtras.firstWins();
  private static final int SCANNED_CHOICES = 8;
  private final List<ChoiceAccumulator> choices = new ArrayList<>(1); // in arrival order
  // Made only once there are more choices than a scan finds quickly (most streams have one).
  private @Nullable Map<Integer, ChoiceAccumulator> byIndex;
  private boolean sorted = true;
  private @Nullable ChoiceAccumulator lastChoice;
  private int chunkCount;
  // Map.forEach on the chunk's unmodifiable extras walks them without an iterator or entry
  // wrappers; the sink is made once.
  private final BiConsumer<String, String> extraSink = this::addExtra;

  /** Creates an accumulator with nothing accumulated. */
  public ChunkAccumulator() {}

  /** Merges the next chunk of the stream. */
  public void add(ChatCompletionChunk chunk) {
    chunkCount++;
    id = Texts.firstNonEmpty(id, chunk.getId());
    model = Texts.firstNonEmpty(model, chunk.getModel());
    Long chunkCreated = chunk.getCreated();
    if (chunkCreated != null && (created == null || (created == 0 && chunkCreated != 0))) {
      created = chunkCreated;
      createdText = ModelAccess.get().createdText(chunk);
    }
    if (systemFingerprint == null) systemFingerprint = chunk.getSystemFingerprint();
    if (serviceTier == null) serviceTier = chunk.getServiceTier();
    if (chunk.getUsage() != null) usage = chunk.getUsage();
    List<ChunkChoice> parts = chunk.getChoices();
    for (int i = 0, n = parts.size(); i < n; i++) {
      ChunkChoice part = parts.get(i);
      choice(part.getIndex()).add(part);
    }
    // OpenAI's padding alone, as on nearly every chunk: nothing to keep, and nothing to decode.
    if (ModelAccess.get().paddingOnly(chunk)) return;
    Map<String, String> unknown = chunk.getExtras();
    boolean paddingOnly = unknown.size() == 1 && unknown.containsKey(OBFUSCATION);
    if (!unknown.isEmpty() && !paddingOnly) unknown.forEach(extraSink);
  }

  /**
   * The completion accumulated so far: with no chunk yet, a completion with no choices; each
   * call builds a new immutable completion.
   */
  public ChatCompletion snapshot() {
    ChatCompletion.Builder b = ChatCompletion.builder()
        .id(id)
        .object("chat.completion")
        .created(created)
        .model(model)
        .usage(usage)
        .serviceTier(serviceTier)
        .systemFingerprint(systemFingerprint)
        .extras(extras.toMap());
    ModelAccess.get().createdText(b, createdText);
    for (ChoiceAccumulator choice : sortedChoices()) b.addChoice(choice.build());
    return b.build();
  }

  /** How many chunks were added. */
  public int getChunkCount() {
    return chunkCount;
  }

  private ChoiceAccumulator choice(int index) {
    ChoiceAccumulator last = lastChoice;
    if (last != null && last.index() == index) return last;
    ChoiceAccumulator known = find(index);
    if (known != null) return lastChoice = known;
    Indexes.check(index, "choices");
    ChoiceAccumulator added = new ChoiceAccumulator(index);
    if (!choices.isEmpty() && choices.get(choices.size() - 1).index() > index) sorted = false;
    choices.add(added);
    Map<Integer, ChoiceAccumulator> map = byIndex;
    if (map != null) {
      map.put(index, added);
    } else if (choices.size() > SCANNED_CHOICES) {
      map = byIndex = new HashMap<>();
      for (ChoiceAccumulator c : choices) map.put(c.index(), c);
    }
    return lastChoice = added;
  }

  private @Nullable ChoiceAccumulator find(int index) {
    Map<Integer, ChoiceAccumulator> map = byIndex;
    if (map != null) return map.get(index);
    for (int i = 0, n = choices.size(); i < n; i++) {
      ChoiceAccumulator c = choices.get(i);
      if (c.index() == index) return c;
    }
    return null;
  }

  private List<ChoiceAccumulator> sortedChoices() {
    if (!sorted) {
      Collections.sort(choices, (a, b) -> Integer.compare(a.index(), b.index()));
      sorted = true;
    }
    return choices;
  }

  private void addExtra(String name, String raw) {
    if (name.equals(OBFUSCATION)) return;
    if (name.equals(PROMPT_FILTER_RESULTS) || name.equals(PROMPT_ANNOTATIONS)) {
      extras.addAppending(name, raw);
    } else {
      extras.add(name, raw);
    }
  }
}
