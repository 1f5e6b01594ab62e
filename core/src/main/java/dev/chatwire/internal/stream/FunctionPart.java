package dev.chatwire.internal.stream;

import dev.chatwire.model.FunctionCall;
import org.jspecify.annotations.Nullable;

/**
 * A function call (of a tool call, or the deprecated {@code function_call}) assembled from
 * fragments: the name from the first fragment that has one, the arguments concatenated.
 */
final class FunctionPart {
  private @Nullable String name;
  private @Nullable PieceText arguments;
  private final MergedExtras extras = MergedExtras.firstWins();

  void add(FunctionCall fragment) {
    name = Texts.firstNonEmpty(name, fragment.getName());
    arguments = Texts.append(arguments, fragment.getArguments());
    extras.addAll(fragment.getExtras());
  }

  FunctionCall build() {
    return FunctionCall.builder()
        .name(name)
        .arguments(Texts.text(arguments))
        .extras(extras.toMap())
        .build();
  }
}
