package dev.chatwire.error;

import dev.chatwire.model.ChatCompletion;
import org.jspecify.annotations.Nullable;

/**
 * JSON or event-stream input that ChatWire could not decode: malformed JSON, a value of the wrong
 * type, an event larger than allowed.
 *
 * <p>It says what was expected and where: the field path (such as {@code
 * choices[0].delta.tool_calls[1].index}), the byte offset within the decoded document and, inside
 * a stream, the index of the event. The message never echoes the payload.
 *
 * <pre>{@code
 * } catch (DecodeException e) {
 *   System.err.println(e.getPath() + " at byte " + e.getByteOffset());
 * }
 * }</pre>
 */
public class DecodeException extends ChatWireException {
  private static final long serialVersionUID = 1L;

  private final String problem;
  private final String path;
  private final long byteOffset;
  private final long eventIndex;

  /**
   * Creates a decode error.
   *
   * @param problem what was wrong, without payload text, e.g. "expected an integer but found a string"
   * @param path the JSON path of the value, {@code ""} or {@code "$"} for the document itself
   * @param byteOffset the byte offset in the decoded input, or -1 when unknown
   * @param eventIndex the zero-based index of the SSE event, or -1 when not decoding a stream
   * @param cause the underlying parser error, if any
   */
  public DecodeException(
      String problem, String path, long byteOffset, long eventIndex, @Nullable Throwable cause) {
    this(problem, path, byteOffset, eventIndex, cause, null);
  }

  /** Creates a decode error that ends a stream, with what the stream had accumulated. */
  public DecodeException(
      String problem,
      String path,
      long byteOffset,
      long eventIndex,
      @Nullable Throwable cause,
      @Nullable ChatCompletion partialCompletion) {
    super(describe(problem, path, byteOffset, eventIndex), cause, partialCompletion);
    this.problem = problem;
    this.path = path;
    this.byteOffset = byteOffset;
    this.eventIndex = eventIndex;
  }

  private static String describe(String problem, String path, long byteOffset, long eventIndex) {
    StringBuilder sb = new StringBuilder(problem);
    if (!path.isEmpty()) sb.append(" at ").append(path);
    if (byteOffset >= 0) sb.append(" (byte offset ").append(byteOffset).append(')');
    if (eventIndex >= 0) sb.append(" in event ").append(eventIndex);
    return sb.toString();
  }

  /** What was wrong, without location: "expected an integer but found a string". */
  public String getProblem() {
    return problem;
  }

  /** The JSON path of the offending value, such as {@code choices[0].delta.content}; may be empty. */
  public String getPath() {
    return path;
  }

  /** The byte offset of the error within the decoded input, or -1 when unknown. */
  public long getByteOffset() {
    return byteOffset;
  }

  /** The zero-based index of the stream event being decoded, or -1 outside a stream. */
  public long getEventIndex() {
    return eventIndex;
  }
}
