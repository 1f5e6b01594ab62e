package dev.chatwire.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.EventListener;
import dev.chatwire.RetryPolicy;
import dev.chatwire.Scheduler;
import dev.chatwire.Timeouts;
import dev.chatwire.error.CancelledException;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where an attempt starts: the first attempt of a blocking {@code create()} on its caller's thread
 * ({@link Wire#startOnCaller()}), when the wire is blocking, and a blocking stream's on its
 * consumer's thread when the consumer comes within {@link RealCall#CONSUMER_WAIT_NANOS} (else on
 * its own); everything else as before ({@link Wire#start()}): no retry or async call ever blocks a
 * thread that is not the caller's, and a stream returns at once so that it can be closed while its
 * head is awaited.
 */
class StartOnCallerTest {
  /** How each wire was started, in order: "start" or "onCaller", with the thread. */
  private final List<String> starts = new CopyOnWriteArrayList<>();
  private final List<Thread> startThreads = new CopyOnWriteArrayList<>();
  private final List<Thread> readThreads = new CopyOnWriteArrayList<>();
  private volatile boolean blocking = true;
  /** What the wire says of carriesOnCaller(); null: the default. */
  private volatile @Nullable Boolean carries;
  /**
   * A first attempt carried on the caller that waits for its head until cancel() interrupts its
   * carrier, as java.net.http's send() does; the carrier then keeps the interrupt status for
   * {@link #interruptKeptNanos} (long enough for the interrupt watch to look), takes it back,
   * and returns without a report.
   */
  private volatile boolean interruptedByCancel;
  private volatile long interruptKeptNanos;
  private volatile @Nullable Thread carrier;
  /** Wires that fail before their head (connection refused), then succeed. */
  private volatile int refusals;
  /** A wire started on the caller that never answers until cancelled (a stalled server). */
  private volatile boolean stallOnCaller;
  /** What startOnCaller throws, if set (an OkHttp interceptor that throws). */
  private volatile @Nullable RuntimeException throwOnCaller;
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private final CountDownLatch started = new CountDownLatch(1);
  private final ServerSocket silent;
  private final Socket stalled;

  StartOnCallerTest() throws IOException {
    silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    stalled = new Socket(InetAddress.getLoopbackAddress(), silent.getLocalPort());
  }

  @AfterEach
  void closeSockets() throws IOException {
    stalled.close();
    silent.close();
  }

  private final Transport transport = new Transport() {
    @Override
    public Wire open(HttpRequest request, WireEvents events) {
      return new Wire() {
        private volatile boolean read;

        @Override
        public void start() {
          record("start");
          Thread io = new Thread(this::answer, "test-io");
          io.start();
        }

        @Override
        public void startOnCaller() {
          record("onCaller");
          RuntimeException boom = throwOnCaller;
          if (boom != null) throw boom;
          if (interruptedByCancel && starts.size() == 1) {
            carrier = Thread.currentThread();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              long until = System.nanoTime() + interruptKeptNanos;
              while (System.nanoTime() < until) Thread.onSpinWait();
              Thread.interrupted();
            } finally {
              carrier = null;
            }
            return;
          }
          if (stallOnCaller) {
            // A socket read that never gets a byte: an interrupt does not end it (nor clear the
            // flag), only cancel(), which closes the socket.
            try {
              stalled.getInputStream().read();
            } catch (IOException e) {
              events.error(e);
              return;
            }
            throw new AssertionError("the stalled read returned");
          }
          answer();
        }

        private void record(String how) {
          starts.add(how);
          startThreads.add(Thread.currentThread());
          started.countDown();
        }

        private void answer() {
          if (refusals > 0) {
            refusals--;
            events.error(new ConnectException("Connection refused"));
            return;
          }
          events.connected();
          events.head(200, Headers.EMPTY);
        }

        @Override
        public void read() {
          readThreads.add(Thread.currentThread());
          if (read) {
            events.end();
          } else {
            read = true;
            events.body(ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), null);
            if (!blocking) events.readComplete();
          }
        }

        @Override
        public void cancel() {
          Thread t = carrier;
          if (t != null) t.interrupt();
          cancelled.countDown();
          try {
            stalled.close();
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        }

        @Override
        public boolean isBlocking() {
          return blocking;
        }

        @Override
        public boolean carriesOnCaller() {
          Boolean c = carries;
          return c != null ? c : Wire.super.carriesOnCaller();
        }
      };
    }

    @Override
    public void close() {}
  };

  private RealCall<String> call(RetryPolicy retries, RealCall.@Nullable Callback<String> callback) {
    return call(retries, Timeouts.defaults(), callback);
  }

  private RealCall<String> call(RetryPolicy retries, Timeouts timeouts,
      RealCall.@Nullable Callback<String> callback) {
    CallEnv env = new CallEnv(transport, Scheduler.system(), timeouts, retries,
        EventListener.NONE, () -> HttpRequest.builder().uri(URI.create("http://127.0.0.1:1/")).build());
    return new RealCall<>(env, new TextSink(), callback);
  }

  /** Runs a blocking call to its end on this thread, as {@code create()} does. */
  private static String block(RealCall<String> call) {
    call.start(true);
    call.awaitUntil(() -> false);
    ChatWireException failure = call.failure();
    if (failure != null) throw failure;
    return String.valueOf(call.result());
  }

  @Test
  void aBlockingCallCarriesItsFirstAttemptOnTheCallersThread() {
    assertThat(block(call(RetryPolicy.none(), null))).isEqualTo("ok");

    assertThat(starts).containsExactly("onCaller");
    assertThat(startThreads).containsExactly(Thread.currentThread());
    assertThat(readThreads).containsOnly(Thread.currentThread());
  }

  @Test
  void aBlockingStreamStartsAsBeforeSoThatItCanBeClosedWhileTheHeadIsAwaited() {
    RealCall<String> call = call(RetryPolicy.none(), null);
    call.start(false); // what stream() does

    call.awaitUntil(() -> false);

    assertThat(call.result()).isEqualTo("ok");
    assertThat(starts).containsExactly("start");
  }

  @Test
  void aRetryStartsAsBeforeNeverOnTheCaller() {
    refusals = 1;
    RetryPolicy retries = RetryPolicy.builder().maxRetries(1).initialDelay(Duration.ZERO)
        .maxDelay(Duration.ZERO).build();

    assertThat(block(call(retries, null))).isEqualTo("ok");

    assertThat(starts).containsExactly("onCaller", "start");
  }

  @Test
  void aWireThatThrowsWhileCarriedOnTheCallerFailsTheAttemptInsteadOfEscaping() {
    throwOnCaller = new IllegalStateException("an interceptor broke");

    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
        () -> block(call(RetryPolicy.none(), null)));

    assertThat(thrown).isInstanceOf(ChatWireException.class);
    assertThat(thrown).hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(thrown.getMessage()).doesNotContain("closed");
    assertThat(cancelled.getCount()).as("the wire was cancelled").isZero();
  }

  @Test
  void anAsyncCallNeverStartsOnTheCaller() throws Exception {
    FutureCallback<String> callback = new FutureCallback<>();
    call(RetryPolicy.none(), callback).start();

    assertThat(callback.outcome.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
    assertThat(starts).containsExactly("start");
  }

  @Test
  void aNonBlockingWireStartsAsBefore() {
    blocking = false;

    // A non-blocking wire is read on its own thread; this one answers each read at once.
    assertThat(block(call(RetryPolicy.none(), null))).isEqualTo("ok");

    assertThat(starts).containsExactly("start");
  }

  @Test
  void aNonBlockingWireThatCarriesItsStartIsStartedOnTheCallersThread() {
    blocking = false;
    carries = true; // java.net.http in clear text

    assertThat(block(call(RetryPolicy.none(), null))).isEqualTo("ok");

    assertThat(starts).containsExactly("onCaller");
    assertThat(startThreads).containsExactly(Thread.currentThread());
  }

  @Test
  void aBlockingStreamOnANonBlockingWireThatCarriesItsStartWaitsForItsConsumer() {
    blocking = false;
    carries = true;
    RealCall<String> call = call(RetryPolicy.none(), null);
    call.consumerWait(TimeUnit.MINUTES.toNanos(1)); // however slow the machine
    call.startForConsumer();
    assertThat(starts).as("nothing started before the consumer came").isEmpty();

    call.awaitUntil(() -> false);

    assertThat(call.result()).isEqualTo("ok");
    assertThat(starts).containsExactly("onCaller");
    assertThat(startThreads).containsExactly(Thread.currentThread());
  }

  @Test
  void aBlockingWireThatDoesNotCarryItsStartIsStartedElsewhere() {
    carries = false;

    assertThat(block(call(RetryPolicy.none(), null))).isEqualTo("ok");

    assertThat(starts).containsExactly("start");
  }

  @Test
  void anInterruptAWireMadeToCancelItsCarriedAttemptIsNotTheCallers() {
    // The first attempt times out waiting for its head, which is retryable; its wire is
    // cancelled by interrupting its carrier, whose status stays set while the interrupt watch
    // looks, many times. The watch must not take it for the caller's and cancel the call.
    blocking = false;
    carries = true;
    interruptedByCancel = true;
    interruptKeptNanos = TimeUnit.MILLISECONDS.toNanos(200);
    RetryPolicy retries = RetryPolicy.builder().maxRetries(1).initialDelay(Duration.ZERO)
        .maxDelay(Duration.ZERO).build();
    RealCall<String> call = call(retries,
        Timeouts.builder().responseHeaders(Duration.ofMillis(50)).build(), null);
    call.interruptCheck(TimeUnit.MILLISECONDS.toNanos(1)); // 200 looks while the status is set

    assertThat(block(call)).isEqualTo("ok");

    assertThat(starts).containsExactly("onCaller", "start");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void anAlreadyInterruptedCallerDoesNotCarryTheAttempt() {
    Thread.currentThread().interrupt();
    try {
      RealCall<String> call = call(RetryPolicy.none(), null);
      call.start(true);
      assertThat(starts).containsExactly("start");
      call.cancel("done");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void anInterruptOfACallerInsideItsAttemptCancelsTheCall() throws Exception {
    stallOnCaller = true;
    CompletableFuture<@Nullable Throwable> outcome = new CompletableFuture<>();
    CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
    Thread caller = new Thread(() -> {
      try {
        block(call(RetryPolicy.defaults(), null));
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
      stillInterrupted.complete(Thread.currentThread().isInterrupted());
    }, "stalled-caller");
    caller.start();
    while (starts.isEmpty()) Thread.onSpinWait();

    caller.interrupt();

    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the wire was cancelled").isTrue();
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    assertThat(stillInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
    assertThat(starts).as("a cancelled call is not retried").containsExactly("onCaller");
  }

  @Test
  void aBlockingStreamIsCarriedByItsConsumerWhenItComesInTime() {
    RealCall<String> call = call(RetryPolicy.none(), null);
    call.consumerWait(TimeUnit.MINUTES.toNanos(1)); // however slow the machine
    call.startForConsumer(); // what stream() does
    assertThat(starts).as("nothing started before the consumer came").isEmpty();

    call.awaitUntil(() -> false); // the first hasNext()

    assertThat(call.result()).isEqualTo("ok");
    assertThat(starts).containsExactly("onCaller");
    assertThat(startThreads).containsExactly(Thread.currentThread());
  }

  @Test
  void aBlockingStreamWhoseConsumerIsLateStartsOnItsOwn() throws Exception {
    RealCall<String> call = call(RetryPolicy.none(), null);
    call.startForConsumer();

    assertThat(started.await(10, TimeUnit.SECONDS)).as("started without a consumer").isTrue();

    assertThat(starts).containsExactly("start");
    call.awaitUntil(() -> false); // it comes later: the attempt is not started again
    assertThat(call.result()).isEqualTo("ok");
    assertThat(starts).containsExactly("start");
  }

  @Test
  void aBlockingStreamClosedBeforeItStartedSendsNothing() throws Exception {
    RealCall<String> call = call(RetryPolicy.none(), null);
    call.consumerWait(TimeUnit.MINUTES.toNanos(1)); // its timer is run by hand below
    call.startForConsumer();
    call.cancel("closed");

    call.consumerWaitOver(); // what the timer does once the wait is over
    call.awaitUntil(() -> false);
    assertThat(starts).as("no attempt was started").isEmpty();
    assertThat(call.failure()).isInstanceOf(CancelledException.class);
  }

  @Test
  void aWireThatThrowsWhileCarriedByAStreamsConsumerFailsTheStreamInsteadOfEscaping() {
    throwOnCaller = new IllegalStateException("an interceptor broke");
    RealCall<String> call = call(RetryPolicy.none(), null);
    call.consumerWait(TimeUnit.MINUTES.toNanos(1)); // the consumer carries it, however late
    call.startForConsumer();

    call.awaitUntil(() -> false); // the first hasNext(): nothing escapes from it

    assertThat(starts).containsExactly("onCaller");
    assertThat(call.failure()).isInstanceOf(ChatWireException.class)
        .hasRootCauseInstanceOf(IllegalStateException.class);
    assertThat(cancelled.getCount()).as("the wire was cancelled").isZero();
  }

  @Test
  void aBlockingStreamOnANonBlockingWireStartsAtOnce() {
    blocking = false;
    RealCall<String> call = call(RetryPolicy.none(), null);

    call.startForConsumer();

    assertThat(starts).containsExactly("start");
    call.awaitUntil(() -> false);
    assertThat(call.result()).isEqualTo("ok");
  }

  @Test
  void aStreamCarriedByItsConsumerCanBeClosedFromAnotherThreadWhileItsHeadIsAwaited()
      throws Exception {
    stallOnCaller = true;
    RealCall<String> call = call(RetryPolicy.defaults(), null);
    call.consumerWait(TimeUnit.MINUTES.toNanos(1)); // the consumer thread carries it, however late
    call.startForConsumer();
    CompletableFuture<@Nullable ChatWireException> outcome = new CompletableFuture<>();
    Thread consumer = new Thread(() -> {
      call.awaitUntil(() -> false);
      outcome.complete(call.failure());
    }, "stream-consumer");
    consumer.start();
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    call.cancel("closed by the user");

    assertThat(cancelled.await(10, TimeUnit.SECONDS)).as("the wire was cancelled").isTrue();
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(CancelledException.class);
    assertThat(starts).as("a closed stream is not retried").containsExactly("onCaller");
    assertThat(startThreads).containsExactly(consumer);
  }

  /** The body as text. */
  private static final class TextSink implements BodySink<String> {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onResponse(int status, Headers headers) {}

    @Override
    public void onBytes(ByteBuffer bytes, long nowNanos) {
      text.append(StandardCharsets.UTF_8.decode(bytes));
    }

    @Override
    public String onEnd() {
      return text.toString();
    }

    @Override
    public @Nullable ChatCompletion partial() {
      return null;
    }
  }
}
