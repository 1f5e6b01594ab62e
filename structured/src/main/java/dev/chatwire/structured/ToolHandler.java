package dev.chatwire.structured;

/**
 * Runs a {@link TypedTool}: takes the call's arguments, returns the result to send back (a
 * String as is, anything else as JSON, null as {@code null}). May throw; the {@link ToolLoop}'s
 * {@link ToolErrorPolicy} decides what the model then sees.
 *
 * <pre>{@code
 * ToolHandler<GetWeather> h = args -> weatherService.current(args.city());
 * }</pre>
 */
@FunctionalInterface
public interface ToolHandler<A> {
  /** The result of the call with {@code arguments}. */
  @org.jspecify.annotations.Nullable Object call(A arguments) throws Exception;
}
