package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Timeouts;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.internal.call.BodySink;
import dev.chatwire.internal.call.CallEnv;
import dev.chatwire.internal.call.RealCall;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The call machinery on virtual time, driven by a hand-operated transport. */
class RealCallTest {
  private final VirtualScheduler time = new VirtualScheduler();
  private final ManualTransport transport = new ManualTransport();
  private final AtomicReference<@Nullable Object> outcome = new AtomicReference<>();

  /** A transport whose wire events the test reports by hand. */
  static final class ManualTransport implements Transport {
    @Nullable WireEvents events;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger cancels = new AtomicInteger();
    /** When set, each read delivers this many bytes inline before returning. */
    int inlineBodies;

    @Override
    public Wire open(HttpRequest request, WireEvents events) {
      this.events = events;
      return new Wire() {
        @Override
        public void start() {}

        @Override
        public void read() {
          requests.incrementAndGet();
          if (inlineBodies > 0) {
            inlineBodies--;
            events.body(ByteBuffer.wrap(new byte[] {'x'}), null);
            if (inlineBodies == 0) events.end();
            else events.readComplete();
          }
        }

        @Override
        public void cancel() {
          cancels.incrementAndGet();
        }

      };
    }

    @Override
    public void close() {}
  }

  /** Counts body bytes; the result is their number. */
  static final class CountingSink implements BodySink<Integer> {
    int bytes;

    @Override
    public void onResponse(int status, Headers headers) {}

    @Override
    public void onBytes(ByteBuffer b, long nowNanos) {
      bytes += b.remaining();
      ((java.nio.Buffer) b).position(b.limit());
    }

    @Override
    public Integer onEnd() {
      return bytes;
    }

    @Override
    public @Nullable ChatCompletion partial() {
      return null;
    }
  }

  private RealCall<Integer> asyncCall(Timeouts timeouts, CountingSink sink) {
    CallEnv env =
        new CallEnv(transport, time, timeouts, RetryPolicy.none(), EventListener.NONE,
            () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/v1")).build());
    RealCall<Integer> call =
        new RealCall<>(env, sink, new RealCall.Callback<Integer>() {
          @Override
          public void onSuccess(Integer result) {
            outcome.set(result);
          }

          @Override
          public void onFailure(ChatWireException error) {
            outcome.set(error);
          }
        });
    call.start();
    return call;
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anyBytesResetTheIdleTimerCommentsIncluded() {
    asyncCall(Timeouts.builder().idle(Duration.ofSeconds(60)).build(), new CountingSink());
    transport.events.head(200, Headers.EMPTY);
    time.advance(Duration.ofSeconds(59));
    transport.events.body(bytes(": keep-alive\n\n"), null);
    time.advance(Duration.ofSeconds(59));
    transport.events.body(bytes(": keep-alive\n\n"), null);
    time.advance(Duration.ofSeconds(59));
    assertThat(outcome.get()).isNull();
    time.advance(Duration.ofSeconds(1));
    assertThat(outcome.get()).isInstanceOf(IdleTimeoutException.class);
    assertThat(transport.cancels.get()).isEqualTo(1);
  }

  @Test
  void noResponseHeadersInTimeCancelsTheExchange() {
    asyncCall(Timeouts.builder().responseHeaders(Duration.ofSeconds(10)).build(), new CountingSink());
    transport.events.connected();
    time.advance(Duration.ofSeconds(10));
    assertThat(outcome.get()).isInstanceOf(ResponseTimeoutException.class);
    assertThat(transport.cancels.get()).isEqualTo(1);
  }

  @Test
  void headersTimerStopsWhenHeadersArrive() {
    asyncCall(Timeouts.builder().responseHeaders(Duration.ofSeconds(10)).build(), new CountingSink());
    transport.events.head(200, Headers.EMPTY);
    transport.events.end();
    time.advance(Duration.ofMinutes(5));
    assertThat(outcome.get()).isEqualTo(0);
    assertThat(time.pendingDelays()).isEmpty();
  }

  @Test
  void asyncDemandIsOneRequestPerBufferWithoutRecursionOnInlineTransports() {
    transport.inlineBodies = 100_000;
    CountingSink sink = new CountingSink();
    asyncCall(Timeouts.defaults(), sink);
    transport.events.head(200, Headers.EMPTY);
    assertThat(outcome.get()).isEqualTo(100_000);
    assertThat(transport.requests.get()).isEqualTo(100_000);
  }

  @Test
  void cancelIsIdempotentAndLateCallbacksAreIgnored() {
    RealCall<Integer> call = asyncCall(Timeouts.defaults(), new CountingSink());
    transport.events.head(200, Headers.EMPTY);
    call.cancel("test");
    call.cancel("again");
    assertThat(outcome.get()).isInstanceOf(CancelledException.class);
    transport.events.body(bytes("late"), null);
    transport.events.end();
    assertThat(outcome.get()).isInstanceOf(CancelledException.class);
    assertThat(transport.cancels.get()).isEqualTo(1);
  }

  @Test
  void aThrowingEventListenerNeverBreaksTheCall() {
    CallEnv env =
        new CallEnv(transport, time, Timeouts.defaults(), RetryPolicy.none(),
            new EventListener() {
              @Override
              public void responseHeaders(int status, Headers headers) {
                throw new IllegalStateException("observer bug");
              }
            },
            () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/v1")).build());
    RealCall<Integer> call = new RealCall<>(env, new CountingSink(), null);
    call.start();
    transport.events.head(200, Headers.EMPTY);
    transport.events.end();
    assertThat(call.result()).isEqualTo(0);
  }

  @Test
  void noChunkReachesAStreamListenerAfterItsEnd() {
    java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicReference<java.util.concurrent.@Nullable CompletableFuture<?>> future = new AtomicReference<>();
    dev.chatwire.ChatWire client = dev.chatwire.ChatWire.builder().baseUrl("http://127.0.0.1:1/v1")
        .transport(transport).scheduler(time).build();
    future.set(client.chat().streamAsync(
        dev.chatwire.model.ChatCompletionRequest.builder().model("m").addUserMessage("hi").build(),
        new dev.chatwire.stream.StreamListener() {
          @Override
          public void onChunk(dev.chatwire.model.ChatCompletionChunk chunk) {
            calls.add("chunk " + chunk.getId());
            future.get().cancel(true); // as if another thread cancelled between two events
          }

          @Override
          public void onError(ChatWireException error) {
            calls.add("error");
          }
        }));
    transport.events.head(200, Headers.of("content-type", "text/event-stream"));
    transport.events.body(bytes("data: {\"id\":\"1\",\"choices\":[]}\n\n"
        + "data: {\"id\":\"2\",\"choices\":[]}\n\n"), null);
    assertThat(calls).containsExactly("chunk 1", "error");
  }
}
