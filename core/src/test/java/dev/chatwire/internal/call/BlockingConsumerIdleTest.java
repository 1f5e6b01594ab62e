package dev.chatwire.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.Timeouts;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A blocking consumer that takes its bytes itself (a non-blocking wire) is not woken after the
 * head; while it waits the idle timeout must still end a stall after the head, on the first
 * attempt and on a retry.
 */
class BlockingConsumerIdleTest {
  final LinkedBlockingQueue<WireEvents> wires = new LinkedBlockingQueue<>();

  final Transport nonBlocking = new Transport() {
    @Override
    public Wire open(HttpRequest request, WireEvents events) {
      wires.add(events);
      return new Wire() {
        @Override public void start() {}
        @Override public void read() {}
        @Override public void cancel() {}
      };
    }
    @Override public void close() {}
  };

  private void run(boolean retryFirst) throws Exception {
    CallEnv env = new CallEnv(nonBlocking, Scheduler.system(),
        Timeouts.builder().idle(Duration.ofMillis(300)).build(),
        RetryPolicy.builder().maxRetries(2).initialDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofMillis(20)).build(),
        EventListener.NONE,
        () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/")).build());
    RealCall<String> call = new RealCall<>(env, new EmptySink(), null);
    call.start();
    Thread consumer = new Thread(() -> call.awaitUntil(() -> false), "consumer");
    consumer.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (consumer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(1);
    WireEvents w = wires.poll(5, TimeUnit.SECONDS);
    w.connected();
    if (retryFirst) {
      w.head(503, Headers.EMPTY);
      w.end();
      w = wires.poll(5, TimeUnit.SECONDS);
      assertThat(w).as("retried").isNotNull();
      w.connected();
    }
    w.head(200, Headers.EMPTY); // then nothing: stalled after the head
    consumer.join(3000);
    assertThat(consumer.isAlive()).as("the consumer was timed out").isFalse();
    assertThat(call.failure()).isInstanceOf(IdleTimeoutException.class);
  }

  @Test
  void aStallAfterTheHeadIsTimedOut() throws Exception {
    run(false);
  }

  @Test
  void aStallAfterTheHeadOfARetryIsTimedOut() throws Exception {
    run(true);
  }

  private static final class EmptySink implements BodySink<String> {
    @Override public void onResponse(int status, Headers headers) {}
    @Override public void onBytes(ByteBuffer bytes, long nowNanos) {}
    @Override public String onEnd() { return "done"; }
    @Override public @Nullable ChatCompletion partial() { return null; }
  }
}
