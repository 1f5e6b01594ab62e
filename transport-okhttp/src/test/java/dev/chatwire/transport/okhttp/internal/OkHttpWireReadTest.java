package dev.chatwire.transport.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** A read takes every byte OkHttp's source holds already, not only its first segment's. */
class OkHttpWireReadTest {
  /** The text of each body event, and whether the body ended. */
  private static final class Events implements WireEvents {
    final List<String> bodies = new ArrayList<>();
    boolean ended;

    @Override public void connected() {}

    @Override public void head(int status, Headers headers) {}

    @Override
    public void body(ByteBuffer bytes, @Nullable Object token) {
      byte[] b = new byte[bytes.remaining()];
      bytes.get(b);
      bodies.add(new String(b, StandardCharsets.ISO_8859_1));
    }

    @Override public void readComplete() {}

    @Override public void end() {
      ended = true;
    }

    @Override public void error(IOException error) {
      throw new AssertionError(error);
    }
  }

  @Test
  void anEventAcrossTwoOfOkiosSegmentsComesInOneRead() throws IOException {
    // The source's buffer: the end of one full segment, and the next segment.
    okio.Buffer held = new okio.Buffer();
    held.write(new byte[8192 - 20]);
    held.writeUtf8("data: {\"first\":1}\n\n");
    held.writeUtf8("data: {\"second\":2}\n\n");
    held.skip(8192 - 20);
    OkHttpClient client = new OkHttpClient();
    Events events = new Events();
    OkHttpWire wire = new OkHttpWire(client, new ReadBuffers(),
        HttpRequest.builder().uri(URI.create("http://127.0.0.1/")).build(), events, () -> false);
    wire.onResponse(client.newCall(new Request.Builder().url("http://127.0.0.1/").build()),
        new Response.Builder()
            .request(new Request.Builder().url("http://127.0.0.1/").build())
            .protocol(Protocol.HTTP_1_1)
            .code(200)
            .message("OK")
            .body(ResponseBody.create(held, null, held.size()))
            .build());

    wire.read();
    wire.read();

    assertThat(events.bodies)
        .containsExactly("data: {\"first\":1}\n\ndata: {\"second\":2}\n\n");
    assertThat(events.ended).isTrue();
  }
}
