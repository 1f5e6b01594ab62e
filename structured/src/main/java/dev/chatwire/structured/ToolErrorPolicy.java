package dev.chatwire.structured;

/**
 * What a {@link ToolLoop} does when a tool throws, or when a call's arguments do not fit the
 * tool or name no tool.
 *
 * <pre>{@code
 * ToolLoop.builder(client, tools).onToolError(ToolErrorPolicy.STOP).build();
 * }</pre>
 */
public enum ToolErrorPolicy {
  /**
   * The failure becomes the call's result, {@code {"error":"..."}} with the exception's type and
   * message, and the loop goes on so the model can react.
   */
  REPORT,
  /** The loop stops with a {@link ToolExecutionException} that carries the failure. */
  STOP
}
