package dev.chatwire.cli;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.Usage;
import java.io.PrintStream;
import java.util.List;

/** How a finished answer is printed: its text, its tool calls, one block per choice. */
final class Answers {
  private Answers() {}

  /** The text of the first choice, or empty. */
  static String text(ChatCompletion completion) {
    List<Choice> choices = completion.getChoices();
    if (choices.isEmpty()) return "";
    String content = choices.get(0).getMessage().getContent();
    return content == null ? "" : content;
  }

  /**
   * Prints every choice: its text (or refusal) and its tool calls; with more than one choice each
   * gets a heading.
   */
  static void print(ChatCompletion completion, PrintStream out) {
    List<Choice> choices = completion.getChoices();
    for (Choice choice : choices) {
      if (choices.size() > 1) out.println("--- choice " + choice.getIndex() + " ---");
      ChatCompletionMessage m = choice.getMessage();
      String text = m.getContent() != null ? m.getContent()
          : m.getRefusal() != null ? "refusal: " + m.getRefusal() : null;
      if (text != null) out.println(text);
      printCalls(m, out);
    }
  }

  /** Prints the tool calls (and a legacy function call) as {@code tool call: name {arguments}}. */
  static void printCalls(ChatCompletionMessage m, PrintStream out) {
    for (ToolCall call : m.getToolCalls()) {
      FunctionCall f = call.getFunction();
      out.println("tool call: " + (f == null ? String.valueOf(call.getType()) : call(f))
          + (call.getId() == null ? "" : "  [id " + call.getId() + "]"));
    }
    if (m.getFunctionCall() != null) out.println("function call: " + call(m.getFunctionCall()));
  }

  private static String call(FunctionCall f) {
    String name = f.getName() == null ? "(no name)" : f.getName();
    String args = f.getArguments() == null || f.getArguments().isEmpty() ? "{}" : f.getArguments();
    return name + " " + args;
  }

  /** "tokens: prompt 4, completion 2, total 6". */
  static String usage(Usage u) {
    return "tokens: prompt " + u.getPromptTokens() + ", completion " + u.getCompletionTokens()
        + ", total " + u.getTotalTokens();
  }
}
