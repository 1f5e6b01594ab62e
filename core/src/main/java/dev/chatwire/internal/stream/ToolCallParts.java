package dev.chatwire.internal.stream;

import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tool calls of one choice assembled from the fragments of its deltas.
 *
 * <p>A fragment joins the call with the same {@code index}; a fragment without an index (Mistral
 * sends whole calls so) takes its position in the delta's list as its index. A fragment whose
 * non-empty {@code id} differs from the id of the call held at its index starts a new call after
 * it (some servers number every parallel call 0); later fragments of that index join the newest
 * call. Calls come out ordered by index, then by arrival, without their index, as in a
 * non-streamed message; a call with a function and no {@code type} comes out as {@code function},
 * as a non-streamed message has it.
 *
 * <p>Linear in what arrives whatever the order of indexes: the newest call of each index is found
 * by hash, and the calls are sorted only when built. An index outside {@code 0..}{@link
 * Indexes#MAX} is refused.
 */
final class ToolCallParts {
  private final List<Part> parts = new ArrayList<>(2); // in arrival order
  private final Map<Integer, Part> newest = new HashMap<>(4);
  private boolean sorted = true;

  void add(List<ToolCall> fragments) {
    for (int i = 0, n = fragments.size(); i < n; i++) {
      ToolCall fragment = fragments.get(i);
      Integer given = fragment.getIndex();
      int index = given != null ? given : i;
      Part part = newest.get(index);
      String id = fragment.getId();
      if (part == null || part.isOtherCall(id)) part = insert(index);
      part.add(fragment);
    }
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  List<ToolCall> build() {
    if (!sorted) {
      Collections.sort(parts, BY_INDEX); // stable: calls of one index stay in arrival order
      sorted = true;
    }
    List<ToolCall> calls = new ArrayList<>(parts.size());
    for (Part part : parts) calls.add(part.build());
    return calls;
  }

  private Part insert(int index) {
    Indexes.check(index, "tool_calls");
    Part part = new Part(index);
    if (!parts.isEmpty() && parts.get(parts.size() - 1).index > index) sorted = false;
    parts.add(part);
    newest.put(index, part);
    return part;
  }

  private static final Comparator<Part> BY_INDEX = (a, b) -> Integer.compare(a.index, b.index);

  private static final class Part {
    final int index;
    private @Nullable String id;
    private @Nullable String type;
    private @Nullable FunctionPart function;
    private final MergedExtras extras = MergedExtras.firstWins();

    Part(int index) {
      this.index = index;
    }

    boolean isOtherCall(@Nullable String fragmentId) {
      return fragmentId != null && !fragmentId.isEmpty()
          && id != null && !id.isEmpty() && !id.equals(fragmentId);
    }

    void add(ToolCall fragment) {
      id = Texts.firstNonEmpty(id, fragment.getId());
      type = Texts.firstNonEmpty(type, fragment.getType());
      FunctionCall f = fragment.getFunction();
      if (f != null) {
        if (function == null) function = new FunctionPart();
        function.add(f);
      }
      extras.addAll(fragment.getExtras());
    }

    ToolCall build() {
      return ToolCall.builder()
          .id(id)
          .type(type == null && function != null ? "function" : type)
          .function(function == null ? null : function.build())
          .extras(extras.toMap())
          .build();
    }
  }
}
