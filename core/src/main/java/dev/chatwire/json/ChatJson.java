package dev.chatwire.json;

import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.internal.json.ChunkWriter;
import dev.chatwire.internal.json.CompletionJson;
import dev.chatwire.internal.json.JsonText;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes the Chat Completions models as JSON (UTF-8).
 *
 * <p>Reading keeps every member it does not know, at every level, as raw JSON text in the
 * model's extras, and writing puts them back unchanged. Malformed input, or a value of the wrong
 * type, is a {@link DecodeException} naming what was expected, the path of the value (such as
 * {@code choices[0].delta.tool_calls[1].index}) and its byte offset; the message never quotes
 * the input. All methods are static and thread-safe.
 *
 * <pre>{@code
 * ChatCompletion c = ChatJson.readCompletion(body, 0, body.length);
 * String json = ChatJson.write(c);
 * }</pre>
 *
 * <p>In Kotlin: {@code val chunk = ChatJson.readChunk(data, 0, data.size)}.
 */
public final class ChatJson {
  private ChatJson() {}

  /** Reads a {@code chat.completion} from {@code json[off, off+len)}. */
  public static ChatCompletion readCompletion(byte[] json, int off, int len) {
    return CompletionJson.read(json, off, len);
  }

  /** Reads a {@code chat.completion}; byte offsets in errors count UTF-8 bytes. */
  public static ChatCompletion readCompletion(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return readCompletion(bytes, 0, bytes.length);
  }

  /** Reads a {@code chat.completion.chunk} from {@code json[off, off+len)}, such as an SSE event's data. */
  public static ChatCompletionChunk readChunk(byte[] json, int off, int len) {
    return readChunk(json, off, len, -1);
  }

  /**
   * Reads a {@code chat.completion.chunk} from {@code json[off, off+len)}; a decode error names
   * {@code eventIndex}, the zero-based index of the event in its stream.
   */
  public static ChatCompletionChunk readChunk(byte[] json, int off, int len, long eventIndex) {
    return ChunkReader.readOne(json, off, len, eventIndex);
  }

  /** Reads a {@code chat.completion.chunk}; byte offsets in errors count UTF-8 bytes. */
  public static ChatCompletionChunk readChunk(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return readChunk(bytes, 0, bytes.length);
  }

  /** The completion as JSON text. */
  public static String write(ChatCompletion completion) {
    return JsonText.string(out -> CompletionJson.write(out, completion));
  }

  /** The chunk as JSON text. */
  public static String write(ChatCompletionChunk chunk) {
    return JsonText.string(out -> ChunkWriter.write(out, chunk));
  }

  /** The completion as UTF-8 JSON bytes. */
  public static byte[] toBytes(ChatCompletion completion) {
    return JsonText.bytes(out -> CompletionJson.write(out, completion));
  }

  /** The chunk as UTF-8 JSON bytes. */
  public static byte[] toBytes(ChatCompletionChunk chunk) {
    return JsonText.bytes(out -> ChunkWriter.write(out, chunk));
  }

  /**
   * Writes the completion as UTF-8 JSON to {@code stream}, flushed and left open.
   *
   * @throws UncheckedIOException when the stream fails
   */
  public static void writeTo(ChatCompletion completion, OutputStream stream) {
    JsonText.writeTo(stream, out -> CompletionJson.write(out, completion));
  }

  /**
   * Writes the chunk as UTF-8 JSON to {@code stream}, flushed and left open.
   *
   * @throws UncheckedIOException when the stream fails
   */
  public static void writeTo(ChatCompletionChunk chunk, OutputStream stream) {
    JsonText.writeTo(stream, out -> ChunkWriter.write(out, chunk));
  }
}
