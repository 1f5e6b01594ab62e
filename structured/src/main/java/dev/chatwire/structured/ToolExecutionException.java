package dev.chatwire.structured;

import dev.chatwire.error.ChatWireException;
import org.jspecify.annotations.Nullable;

/**
 * A tool call that failed under {@link ToolErrorPolicy#STOP}: the tool threw (the cause), its
 * arguments did not fit (an {@link OutputMismatchException} cause), or no tool has its name.
 *
 * <pre>{@code
 * catch (ToolExecutionException e) { log.warn("{} failed", e.getToolName(), e.getCause()); }
 * }</pre>
 */
public class ToolExecutionException extends ChatWireException {
  private static final long serialVersionUID = 1L;
  private final @Nullable String callId;
  private final @Nullable String toolName;

  /** An exception for the call {@code callId} of {@code toolName}. */
  public ToolExecutionException(String message, @Nullable String callId,
      @Nullable String toolName, @Nullable Throwable cause) {
    super(message, cause);
    this.callId = callId;
    this.toolName = toolName;
  }

  /** The failed call's id, or null when the model sent none. */
  public @Nullable String getCallId() {
    return callId;
  }

  /** The name the call used, or null when it had none. */
  public @Nullable String getToolName() {
    return toolName;
  }
}
