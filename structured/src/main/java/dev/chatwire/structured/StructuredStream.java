package dev.chatwire.structured;

import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.stream.ContentDelta;
import dev.chatwire.stream.StreamEvent;
import dev.chatwire.stream.StreamEvents;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.stream.ToolCallArgumentsDelta;
import dev.chatwire.stream.ToolCallDone;
import dev.chatwire.structured.internal.Binding;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Structured answers and tool arguments bound into their types while they stream: on top of
 * {@link ChatStream#events()}, each delta's partial value (the incomplete JSON read so far, an
 * open string closed at the cut, a half-written number left out) is read into the type
 * leniently: properties not yet written are null, zero or false, and a value that cannot be read
 * yet (a half-written enum constant) is null. A partial never throws; the final value is read
 * strictly with {@link StructuredOutput#parse}. Stateless and thread-safe.
 *
 * <pre>{@code
 * try (ChatStream stream = client.chat().stream(request)) {   // request has responseFormat(Answer.class)
 *   for (StreamEvent e : stream.events()) {
 *     Answer soFar = StructuredStream.partial(e, Answer.class);
 *     if (soFar != null) render(soFar);
 *   }
 *   Answer done = StructuredOutput.parse(stream.getCompletion(), Answer.class);
 * }
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * for (e in stream.events()) StructuredStream.partial(e, Answer::class.java)?.let(::render)
 * }</pre>
 */
public final class StructuredStream {
  private StructuredStream() {}

  /**
   * The structured answer so far when {@code event} is a {@link ContentDelta} of JSON content,
   * else null.
   */
  public static <T> @Nullable T partial(StreamEvent event, Class<T> type) {
    if (!(event instanceof ContentDelta)) return null;
    ContentDelta delta = (ContentDelta) event;
    return delta.isJson() ? Binding.readPartial(delta.getPartialValue(), type) : null;
  }

  /**
   * The arguments so far when {@code event} is a {@link ToolCallArgumentsDelta} of a call of
   * {@code tool}, else null.
   */
  public static <A> @Nullable A partialArguments(StreamEvent event, TypedTool<A> tool) {
    if (!(event instanceof ToolCallArgumentsDelta)) return null;
    ToolCallArgumentsDelta delta = (ToolCallArgumentsDelta) event;
    if (!tool.getName().equals(delta.getName())) return null;
    return Binding.readPartial(delta.getPartialValue(), tool.getArgumentsType());
  }

  /**
   * The whole arguments of a finished call of {@code tool}, read strictly; null when {@code done}
   * calls another tool.
   *
   * @throws OutputMismatchException when the arguments do not fit
   */
  public static <A> @Nullable A arguments(ToolCallDone done, TypedTool<A> tool) {
    return tool.getName().equals(done.getName()) ? tool.parseArguments(done.getArguments()) : null;
  }

  /**
   * A listener for {@code streamAsync(request, ...)} that gives {@code onPartial} each partial
   * answer on the stream's thread; read the final one from the completion the future gives, with
   * {@link StructuredOutput#parse}.
   */
  public static <T> StreamListener listener(
      ChatCompletionRequest request, Class<T> type, Consumer<? super T> onPartial) {
    return StreamEvents.listener(request, event -> {
      T soFar = partial(event, type);
      if (soFar != null) onPartial.accept(soFar);
    });
  }
}
