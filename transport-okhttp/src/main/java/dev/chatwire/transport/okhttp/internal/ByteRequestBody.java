package dev.chatwire.transport.okhttp.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * A request body of bytes already in memory. It names no media type, so the caller's own {@code
 * Content-Type} header goes out as given; OkHttp sets {@code Content-Length} from its length.
 * Written with methods that OkHttp 4 and 5 both have.
 */
final class ByteRequestBody extends RequestBody {
  private final byte[] bytes;

  ByteRequestBody(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public @Nullable MediaType contentType() {
    return null;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    sink.write(bytes);
  }
}
