package dev.chatwire.stream;

import dev.chatwire.internal.stream.Indexes;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.ResponseFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns the chunks of one stream into {@link StreamEvent}s: feed it every chunk in order with
 * {@link #add}, and the completion at the end with {@link #finish}. Each choice ({@code n > 1})
 * has its own state; each piece of text is parsed once (tool-call arguments always, content when
 * the request asked for JSON), however long the text grows.
 *
 * <p>Per chunk, for each of its choices in order: a {@link ReasoningDelta} ({@code
 * reasoning_content}, else {@code reasoning}), then, once the answer begins, {@link
 * ReasoningDone}; a {@link ContentDelta}, a {@link RefusalDelta}, a {@link
 * ToolCallArgumentsDelta} per tool-call fragment; then, if the choice carries its {@code
 * finish_reason}, the done events of its open parts ({@link ReasoningDone}, {@link ContentDone},
 * {@link RefusalDone}, {@link ToolCallDone} in call order). A tool call is also done as soon as a later call of the
 * same choice starts while its arguments form a whole JSON value (so parallel calls can be run
 * while the next one streams; interleaved fragments keep a call open until the choice finishes).
 * {@link #finish} ends whatever is still open (a stream cut short of its {@code finish_reason}),
 * then gives {@link CompletionDone}.
 *
 * <p>The blocking {@link ChatStream#events()} and the Kotlin {@code eventFlow} use it; for
 * {@code streamAsync} use {@link #listener}. Content is read as JSON when the request's
 * {@code response_format} is {@code json_schema} or {@code json_object} ({@link #forRequest}).
 *
 * <p><b>Threading:</b> not thread-safe: one instance per stream, fed from one thread at a time.
 * The events it gives are immutable and may go to any thread.
 *
 * <pre>{@code
 * StreamEvents events = StreamEvents.forRequest(request);
 * for (ChatCompletionChunk chunk : chunks) events.add(chunk, this::onEvent);
 * events.finish(completion, this::onEvent);
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * client.chat().streamAsync(request, StreamEvents.listener(request) { e -> println(e) })
 * }</pre>
 */
public final class StreamEvents {
  private final boolean jsonContent;
  private final List<ChoiceEvents> choices = new ArrayList<>(1); // in arrival order
  private final Map<Integer, ChoiceEvents> byIndex = new HashMap<>(2);
  private @Nullable ChoiceEvents lastChoice;

  /** Events for a stream; {@code jsonContent}: read every choice's content as JSON. */
  public StreamEvents(boolean jsonContent) {
    this.jsonContent = jsonContent;
  }

  /** Events for the stream of {@code request}: content is read as JSON if it asks for JSON. */
  public static StreamEvents forRequest(ChatCompletionRequest request) {
    return new StreamEvents(asksForJson(request));
  }

  /**
   * A listener for {@code ChatCompletions.streamAsync} that gives {@code sink} the events of the
   * stream of {@code request}, on the stream's thread, the last one {@link CompletionDone}. A
   * failure gives no event: it completes the future {@code streamAsync} returned.
   */
  public static StreamListener listener(
      ChatCompletionRequest request, Consumer<? super StreamEvent> sink) {
    StreamEvents events = forRequest(request);
    return new StreamListener() {
      @Override
      public void onChunk(ChatCompletionChunk chunk) {
        events.add(chunk, sink);
      }

      @Override
      public void onComplete(ChatCompletion completion) {
        events.finish(completion, sink);
      }
    };
  }

  /** Whether content is read as JSON. */
  public boolean isJsonContent() {
    return jsonContent;
  }

  /**
   * Gives {@code sink} the events of the next chunk of the stream.
   *
   * @throws dev.chatwire.error.DecodeException for a choice or tool call index outside {@code
   *     0..1023}, as {@link ChunkAccumulator} refuses it
   */
  public void add(ChatCompletionChunk chunk, Consumer<? super StreamEvent> sink) {
    List<ChunkChoice> parts = chunk.getChoices();
    for (int i = 0, n = parts.size(); i < n; i++) {
      ChunkChoice part = parts.get(i);
      choice(part.getIndex()).add(part, sink);
    }
  }

  /**
   * Ends the stream: gives {@code sink} the done events of every part still open, by choice
   * index, then {@link CompletionDone} with {@code completion}.
   */
  public void finish(ChatCompletion completion, Consumer<? super StreamEvent> sink) {
    Collections.sort(choices, BY_INDEX);
    for (ChoiceEvents choice : choices) choice.finish(sink);
    sink.accept(new CompletionDone(completion));
  }

  private static boolean asksForJson(ChatCompletionRequest request) {
    ResponseFormat format = request.getResponseFormat();
    if (format == null) return false;
    String type = format.getType();
    return type.equals("json_schema") || type.equals("json_object");
  }

  private ChoiceEvents choice(int index) {
    ChoiceEvents last = lastChoice;
    if (last != null && last.index == index) return last;
    ChoiceEvents known = byIndex.get(index);
    if (known != null) return lastChoice = known;
    Indexes.check(index, "choices");
    ChoiceEvents added = new ChoiceEvents(index, jsonContent);
    choices.add(added);
    byIndex.put(index, added);
    return lastChoice = added;
  }

  private static final Comparator<ChoiceEvents> BY_INDEX =
      (a, b) -> Integer.compare(a.index, b.index);
}
