package dev.chatwire.stream;

import dev.chatwire.internal.stream.GrowingText;
import dev.chatwire.internal.stream.Indexes;
import dev.chatwire.internal.stream.JsonSoFar;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.Delta;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The events of one choice: its reasoning, content, refusal and tool calls so far, and which of them are
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
  private @Nullable GrowingText reasoning;
  private boolean reasoningOpen;
  private final Map<Integer, Call> newest = new HashMap<>(4);
  private final List<Call> open = new ArrayList<>(2); // in arrival order

  ChoiceEvents(int index, boolean jsonContent) {
    this.index = index;
    this.jsonContent = jsonContent;
  }

  void add(ChunkChoice part, Consumer<? super StreamEvent> sink) {
    Delta delta = part.getDelta();
    String thought = delta.getReasoningContent();
    if (thought == null || thought.isEmpty()) thought = delta.getReasoning();
    if (thought != null && !thought.isEmpty()) {
      GrowingText r = reasoning;
      if (r == null) reasoning = r = new GrowingText();
      r.append(thought);
      reasoningOpen = true;
      sink.accept(new ReasoningDelta(index, thought, r.view()));
    }
    String text = delta.getContent();
    String refused = delta.getRefusal();
    List<ToolCall> fragments = delta.getToolCalls();
    if (reasoningOpen && (!isEmpty(text) || !isEmpty(refused) || !fragments.isEmpty())) {
      endReasoning(sink); // the answer began
    }
    if (text != null && !text.isEmpty()) addContent(text, sink);
    if (refused != null && !refused.isEmpty()) {
      GrowingText r = refusal;
      if (r == null) refusal = r = new GrowingText();
      r.append(refused);
      refusalOpen = true;
      sink.accept(new RefusalDelta(index, refused, r.view()));
    }
    for (int i = 0, n = fragments.size(); i < n; i++) addFragment(fragments.get(i), i, sink);
    if (part.getFinishReason() != null) finish(sink);
  }

  /** Ends every open part of the choice, in the order reasoning, content, refusal, tool calls. */
  void finish(Consumer<? super StreamEvent> sink) {
    if (reasoningOpen) endReasoning(sink);
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
    Collections.sort(open, BY_INDEX); // stable: calls of one index stay in arrival order
    for (Call call : open) call.done(sink);
    open.clear();
  }

  private void endReasoning(Consumer<? super StreamEvent> sink) {
    reasoningOpen = false;
    GrowingText r = reasoning;
    if (r != null) sink.accept(new ReasoningDone(index, r.view().toString()));
  }

  private static boolean isEmpty(@Nullable String s) {
    return s == null || s.isEmpty();
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
    Call call = newest.get(callIndex);
    String id = fragment.getId();
    boolean started = call == null || call.isOtherCall(id);
    if (started) {
      Indexes.check(callIndex, "tool_calls");
      for (Iterator<Call> it = open.iterator(); it.hasNext(); ) {
        Call earlier = it.next();
        if (earlier.arguments.isComplete()) {
          it.remove();
          earlier.done(sink);
        }
      }
      call = new Call(index, callIndex);
      newest.put(callIndex, call);
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
    if (!call.pending) {
      call.pending = true;
      open.add(call);
    }
    sink.accept(new ToolCallArgumentsDelta(
        index, callIndex, call.id, call.name, piece, call.arguments.view(), call.arguments));
  }

  private static final Comparator<Call> BY_INDEX = (a, b) -> Integer.compare(a.callIndex, b.callIndex);

  /** One tool call of the choice. */
  private static final class Call {
    final int choiceIndex;
    final int callIndex;
    @Nullable String id;
    @Nullable String name;
    final JsonSoFar arguments = new JsonSoFar();
    boolean pending;

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
      pending = false;
      sink.accept(
          new ToolCallDone(choiceIndex, callIndex, id, name, arguments.view().toString()));
    }
  }
}
