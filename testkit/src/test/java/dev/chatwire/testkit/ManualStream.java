package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.internal.call.CallEnv;
import dev.chatwire.internal.call.RealCall;
import dev.chatwire.internal.call.StreamSink;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.stream.StreamListener;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * An async streaming call on a hand-operated transport and virtual time, started and given a
 * {@code text/event-stream} head; the test reports the body through {@link #events}.
 */
final class ManualStream {
  final StreamSink sink;
  final WireEvents events;
  /** The call's outcome: its completion or its exception; null while it runs. */
  final AtomicReference<@Nullable Object> outcome = new AtomicReference<>();

  ManualStream(RealCallTest.ManualTransport transport, VirtualScheduler time,
      StreamListener listener) {
    sink = new StreamSink(listener);
    CallEnv env = new CallEnv(transport, time, Timeouts.defaults(), RetryPolicy.none(),
        EventListener.NONE,
        () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/v1")).build());
    RealCall<ChatCompletion> call = new RealCall<>(env, sink, new RealCall.Callback<>() {
      @Override
      public void onSuccess(ChatCompletion result) {
        outcome.set(result);
        sink.end(result, null);
      }

      @Override
      public void onFailure(ChatWireException error) {
        outcome.set(error);
        sink.end(null, error);
      }
    });
    sink.attach(call);
    call.start();
    WireEvents e = transport.events;
    assertThat(e).isNotNull();
    events = e;
    events.connected();
    events.head(200, Headers.builder().add("Content-Type", "text/event-stream").build());
  }

  /** One SSE event carrying {@code data}. */
  static ByteBuffer event(String data) {
    return ByteBuffer.wrap(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
  }
}
