package dev.chatwire.internal.stream;

import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The tool calls of one choice assembled from the fragments of its deltas.
 *
 * <p>A fragment joins the call with the same {@code index}; a fragment without an index (Mistral
 * sends whole calls so) takes its position in the delta's list as its index. A fragment whose
 * non-empty {@code id} differs from the id of the call held at its index starts a new call after
 * it (some servers number every parallel call 0); later fragments of that index join the newest
 * call. Calls come out ordered by index, then by arrival, without their index, as in a
 * non-streamed message.
 */
final class ToolCallParts {
  private final List<Part> parts = new ArrayList<>(2);

  void add(List<ToolCall> fragments) {
    for (int i = 0, n = fragments.size(); i < n; i++) {
      ToolCall fragment = fragments.get(i);
      Integer given = fragment.getIndex();
      int index = given != null ? given : i;
      Part part = newest(index);
      String id = fragment.getId();
      if (part == null || part.isOtherCall(id)) part = insert(index);
      part.add(fragment);
    }
  }

  boolean isEmpty() {
    return parts.isEmpty();
  }

  List<ToolCall> build() {
    List<ToolCall> calls = new ArrayList<>(parts.size());
    for (Part part : parts) calls.add(part.build());
    return calls;
  }

  private @Nullable Part newest(int index) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      if (parts.get(i).index == index) return parts.get(i);
    }
    return null;
  }

  private Part insert(int index) {
    int at = parts.size();
    while (at > 0 && parts.get(at - 1).index > index) at--;
    Part part = new Part(index);
    parts.add(at, part);
    return part;
  }

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
          .type(type)
          .function(function == null ? null : function.build())
          .extras(extras.toMap())
          .build();
    }
  }
}
