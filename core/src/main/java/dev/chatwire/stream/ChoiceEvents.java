package dev.chatwire.stream;

import dev.chatwire.internal.stream.GrowingText;
import dev.chatwire.internal.stream.JsonSoFar;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The events of one choice: its content, refusal and tool calls so far, and which of them are
 * open (have had a piece since their last done event). Tool-call fragments are matched to calls
 * as {@link ChunkAccumulator} matches them, so the done events carry what the completion holds.
 */
final class ChoiceEvents {
  final int index;
  private final boolean jsonContent;
  private @Nullable GrowingText content;
  private @Nullable JsonSoFar contentJson;
  private boolean contentOpen;
  private @Nullable GrowingText refusal;
  private boolean refusalOpen;
  private final List<Call> calls = new ArrayList<>(0);

  ChoiceEvents(int index, boolean jsonContent) {
    this.index = index;
    this.jsonContent = jsonContent;
  }

  void add(ChunkChoice part, Consumer<? super StreamEvent> sink) {
    Delta delta = part.getDelta();
    String text = delta.getContent();
    if (text != null && !text.isEmpty()) addContent(text, sink);
    String refused = delta.getRefusal();
    if (refused != null && !refused.isEmpty()) {
      GrowingText r = refusal;
      if (r == null) refusal = r = new GrowingText();
      r.append(refused);
      refusalOpen = true;
      sink.accept(new RefusalDelta(index, refused, r.view()));
    }
    List<ToolCall> fragments = delta.getToolCalls();
    for (int i = 0, n = fragments.size(); i < n; i++) addFragment(fragments.get(i), i, sink);
    if (part.getFinishReason() != null) finish(sink);
  }

  /** Ends every open part of the choice, in the order content, refusal, tool calls. */
  void finish(Consumer<? super StreamEvent> sink) {
    if (contentOpen) {
      contentOpen = false;
      JsonSoFar json = contentJson;
      sink.accept(new ContentDone(index, (json != null ? json.view() : content().view()).toString()));
    }
    GrowingText r = refusal;
    if (refusalOpen && r != null) {
      refusalOpen = false;
      sink.accept(new RefusalDone(index, r.view().toString()));
    }
    for (Call call : calls) {
      if (call.open) call.done(sink);
    }
  }

  private void addContent(String text, Consumer<? super StreamEvent> sink) {
    JsonSoFar json = contentJson;
    if (jsonContent && json == null) contentJson = json = new JsonSoFar();
    GrowingText.View view;
    if (json != null) {
      json.append(text);
      view = json.view();
    } else {
      GrowingText c = content();
      c.append(text);
      view = c.view();
    }
    contentOpen = true;
    sink.accept(new ContentDelta(index, text, view, json));
  }

  private GrowingText content() {
    GrowingText c = content;
    if (c == null) content = c = new GrowingText();
    return c;
  }

  private void addFragment(ToolCall fragment, int position, Consumer<? super StreamEvent> sink) {
    Integer given = fragment.getIndex();
    int callIndex = given != null ? given : position;
    Call call = newest(callIndex);
    String id = fragment.getId();
    boolean started = call == null || call.isOtherCall(id);
    if (started) {
      for (Call earlier : calls) {
        if (earlier.open && earlier.arguments.isComplete()) earlier.done(sink);
      }
      call = new Call(index, callIndex);
      calls.add(call);
    }
    if (call.id == null || call.id.isEmpty()) call.id = id;
    FunctionCall function = fragment.getFunction();
    String piece = "";
    if (function != null) {
      String name = function.getName();
      if (call.name == null || call.name.isEmpty()) call.name = name;
      String args = function.getArguments();
      if (args != null) piece = args;
    }
    if (piece.isEmpty() && !started) return;
    call.arguments.append(piece);
    call.open = true;
    sink.accept(new ToolCallArgumentsDelta(
        index, callIndex, call.id, call.name, piece, call.arguments.view(), call.arguments));
  }

  private @Nullable Call newest(int callIndex) {
    for (int i = calls.size() - 1; i >= 0; i--) {
      if (calls.get(i).callIndex == callIndex) return calls.get(i);
    }
    return null;
  }

  /** One tool call of the choice. */
  private static final class Call {
    final int choiceIndex;
    final int callIndex;
    @Nullable String id;
    @Nullable String name;
    final JsonSoFar arguments = new JsonSoFar();
    boolean open;

    Call(int choiceIndex, int callIndex) {
      this.choiceIndex = choiceIndex;
      this.callIndex = callIndex;
    }

    boolean isOtherCall(@Nullable String fragmentId) {
      String held = id;
      return fragmentId != null && !fragmentId.isEmpty()
          && held != null && !held.isEmpty() && !held.equals(fragmentId);
    }

    void done(Consumer<? super StreamEvent> sink) {
      open = false;
      sink.accept(
          new ToolCallDone(choiceIndex, callIndex, id, name, arguments.view().toString()));
    }
  }
}
