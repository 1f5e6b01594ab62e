package dev.chatwire.structured.internal;

import dev.chatwire.model.Tool;
import org.jspecify.annotations.Nullable;

/** One runnable tool: its definition, and a call from arguments JSON to a result value. */
public interface ToolInvoker {
  /** The definition sent to the model. */
  Tool tool();

  /** Reads the arguments and runs the tool; an unfit argument throws OutputMismatchException. */
  @Nullable Object invoke(String argumentsJson) throws Exception;
}
