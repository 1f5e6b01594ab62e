package dev.chatwire.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.Timeouts;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * An async call whose response head arrives on the transport's thread while the caller is still
 * inside {@code start()}: the first read must still happen on the transport's thread, since a
 * blocking wire (OkHttp) reads, and blocks, on the thread that reads.
 */
class EarlyHeadTest {
  private final AtomicReference<@Nullable Thread> requestedOn = new AtomicReference<>();
  private final AtomicReference<@Nullable Thread> ioThread = new AtomicReference<>();

  /** Delivers the head on its own thread and returns from start() only once that is done. */
  private final Transport earlyHead = new Transport() {
    @Override
    public Wire open(HttpRequest request, WireEvents events) {
      return new Wire() {
        @Override
        public void start() {
          Thread io = new Thread(() -> {
            events.connected();
            events.head(200, Headers.EMPTY);
          }, "early-head-io");
          ioThread.set(io);
          io.start();
          try {
            io.join(10_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }

        @Override
        public void read() {
          if (requestedOn.compareAndSet(null, Thread.currentThread())) events.end();
        }

        @Override
        public void cancel() {}

        @Override
        public boolean isBlocking() {
          return true;
        }
      };
    }

    @Override
    public void close() {}
  };

  @Test
  void headBeforeStartReturnsIsReadOnTheTransportsThread() throws Exception {
    FutureCallback<String> callback = new FutureCallback<>();
    CallEnv env = new CallEnv(earlyHead, Scheduler.system(), Timeouts.defaults(),
        RetryPolicy.none(), EventListener.NONE,
        () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/")).build());
    RealCall<String> call = new RealCall<>(env, new EmptySink(), callback);

    call.start();

    assertThat(callback.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    assertThat(requestedOn.get()).isSameAs(ioThread.get()).isNotSameAs(Thread.currentThread());
  }

  private static final class EmptySink implements BodySink<String> {
    @Override
    public void onResponse(int status, Headers headers) {}

    @Override
    public void onBytes(ByteBuffer bytes, long nowNanos) {}

    @Override
    public String onEnd() {
      return "done";
    }

    @Override
    public @Nullable ChatCompletion partial() {
      return null;
    }
  }
}
