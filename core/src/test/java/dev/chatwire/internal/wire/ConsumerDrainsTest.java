package dev.chatwire.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.ResponseHandler;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking consumer on a non-blocking wire takes the body on its own thread: the wire's thread
 * only queues and wakes it ({@link ExchangeDriver#consumerDrains}).
 */
class ConsumerDrainsTest {
  private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "io"));

  @AfterEach
  void stop() {
    io.shutdownNow();
  }

  /** Records each handler call with the thread it ran on. */
  private static class Recorder implements ResponseHandler {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Consumer<Recorder> afterBody;

    Recorder() {
      this(r -> {});
    }

    /** A recorder that runs {@code afterBody} once it recorded each body call. */
    Recorder(Consumer<Recorder> afterBody) {
      this.afterBody = afterBody;
    }

    private void add(String what) {
      calls.add(what + "@" + Thread.currentThread().getName());
    }

    @Override
    public void onResponse(int status, Headers headers) {
      add("head " + status);
    }

    @Override
    public void onBody(ByteBuffer bytes) {
      byte[] b = new byte[bytes.remaining()];
      bytes.get(b);
      add("body " + new String(b, StandardCharsets.UTF_8));
      afterBody.accept(this);
    }

    @Override
    public void onComplete() {
      add("complete");
    }

    @Override
    public void onError(IOException error) {
      add("error " + error.getMessage());
    }
  }

  /** A non-blocking wire whose events the test reports from its "io" thread. */
  private static class FakeWire implements Wire {
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger released = new AtomicInteger();

    @Override public void start() {}

    @Override public void read() {
      reads.incrementAndGet();
    }

    @Override public void cancel() {}

    @Override public void release(Object token) {
      released.incrementAndGet();
    }
  }

  private final Recorder handler = new Recorder();
  private final FakeWire wire = new FakeWire();

  /** A started driver of {@code handler} on {@link #wire}; consumer-only when {@code wake} is set. */
  private ExchangeDriver started(ResponseHandler handler, @Nullable Runnable wake) {
    return started(handler, wake, wire);
  }

  private ExchangeDriver started(ResponseHandler handler, @Nullable Runnable wake, Wire wire) {
    ExchangeDriver driver = new ExchangeDriver(handler);
    Transport transport = new Transport() {
      @Override public Wire open(HttpRequest request, WireEvents events) {
        return wire;
      }

      @Override public void close() {}
    };
    driver.open(transport, HttpRequest.builder().uri(URI.create("http://localhost/")).build());
    if (wake != null) driver.consumerDrains(wake);
    driver.start(false);
    return driver;
  }

  private void onIo(Runnable r) throws Exception {
    io.submit(r).get(5, TimeUnit.SECONDS);
  }

  /** {@link #onIo}, from inside a handler call, which may not throw checked exceptions. */
  private void onIoFromHandler(Runnable r) {
    try {
      onIo(r);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theWiresThreadQueuesAndWakesTheConsumerWhichTakesEverythingOnItsOwnThread()
      throws Exception {
    AtomicInteger wakes = new AtomicInteger();
    ExchangeDriver driver = started(handler, wakes::incrementAndGet);
    driver.request(); // the consumer waits for bytes
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), "t1");
      driver.body(bytes("b"), "t2");
      driver.end();
    });
    // The wire's thread told the head but took no body, and woke the consumer.
    assertThat(handler.calls).containsExactly("head 200@io");
    assertThat(wakes.get()).isPositive();
    assertThat(driver.hasQueued()).isTrue();
    String me = Thread.currentThread().getName();
    driver.request();
    driver.request();
    assertThat(handler.calls).containsExactly(
        "head 200@io", "body a@" + me, "body b@" + me, "complete@" + me);
    assertThat(driver.hasQueued()).isFalse();
    assertThat(wire.released.get()).isEqualTo(2);
  }

  @Test
  void bytesBeforeAFailureReachTheConsumerBeforeTheError() throws Exception {
    ExchangeDriver driver = started(handler, () -> {});
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), null);
      driver.error(new IOException("reset"));
    });
    assertThat(handler.calls).containsExactly("head 200@io");
    String me = Thread.currentThread().getName();
    driver.request();
    driver.request();
    assertThat(handler.calls).containsExactly("head 200@io", "body a@" + me, "error reset@" + me);
  }

  @Test
  void theWireKeepsReadingAheadWhileTheConsumerIsAway() throws Exception {
    ExchangeDriver driver = started(handler, () -> {});
    driver.request(); // the consumer asked, and is away
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), null);
      driver.readComplete();
    });
    // After the head and after the read completed, the wire's thread asked for more itself.
    assertThat(wire.reads.get()).isEqualTo(2);
    assertThat(handler.calls).containsExactly("head 200@io");
  }

  @Test
  void bodyBytesBeforeTheHeadFailTheExchangeRatherThanWaitForever() throws Exception {
    ExchangeDriver driver = started(handler, () -> {});
    onIo(() -> driver.body(bytes("early"), "t"));
    // Told at once, by the thread that reported the bytes: no consumer waits in vain.
    assertThat(handler.calls).containsExactly(
        "error the transport reported body bytes before the response head@io");
    assertThat(driver.hasQueued()).isFalse();
    assertThat(wire.released.get()).isEqualTo(1);
  }

  @Test
  void withoutAConsumerTheWiresThreadDeliversAgainstDemand() throws Exception {
    ExchangeDriver driver = started(handler, null);
    driver.request();
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), null);
      driver.end();
    });
    assertThat(handler.calls).containsExactly("head 200@io", "body a@io", "complete@io");
  }

  @Test
  void aConsumerArrivingWhileTheWiresThreadDrainsWaitsForItAndThenTakesTheBytes()
      throws Exception {
    CountDownLatch inHead = new CountDownLatch(1);
    CountDownLatch letGo = new CountDownLatch(1);
    Recorder blocking = new Recorder() {
      @Override
      public void onResponse(int status, Headers headers) {
        super.onResponse(status, headers);
        inHead.countDown();
        try {
          letGo.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    ExchangeDriver driver = started(blocking, () -> {});
    io.submit(() -> driver.head(200, Headers.EMPTY));
    assertThat(inHead.await(5, TimeUnit.SECONDS)).isTrue();
    driver.body(bytes("a"), null); // the wire's thread is still in the head call: only queued
    Thread consumer = new Thread(driver::request, "consumer");
    consumer.start();
    waitUntilWaiting(consumer); // for the role, which the wire's thread holds
    letGo.countDown();
    consumer.join(5000);
    assertThat(consumer.isAlive()).isFalse();
    assertThat(blocking.calls).containsExactly("head 200@io", "body a@consumer");
  }

  @Test
  void oneRequestTakesEverythingQueuedAndTheConsumerIsWokenOnceARead() throws Exception {
    AtomicInteger wakes = new AtomicInteger();
    ExchangeDriver driver = started(handler, wakes::incrementAndGet);
    driver.request(); // the consumer waits
    onIo(() -> driver.head(200, Headers.EMPTY)); // the wire's thread then reads
    int afterHead = wakes.get();
    onIo(() -> {
      driver.body(bytes("a"), "t1");
      driver.body(bytes("b"), "t2");
      driver.body(bytes("c"), "t3");
    });
    // The read's first piece woke the consumer; the next two were only queued.
    assertThat(wakes.get()).isEqualTo(afterHead + 1);
    onIo(driver::readComplete);
    assertThat(wakes.get()).isEqualTo(afterHead + 2); // bytes wait for it as the read ends
    int reads = wire.reads.get();
    String me = Thread.currentThread().getName();
    driver.request();
    assertThat(handler.calls).containsExactly(
        "head 200@io", "body a@" + me, "body b@" + me, "body c@" + me);
    assertThat(wire.released.get()).isEqualTo(3);
    assertThat(driver.hasQueued()).isFalse();
    assertThat(wire.reads.get()).isEqualTo(reads); // its next read was asked for as the read ended
  }

  @Test
  void theWiresThreadReadsOnWhileTheConsumerParsesItsBatch() throws Exception {
    int piece = ExchangeDriver.READ_AHEAD_BYTES / 2;
    List<Integer> readsDuring = new CopyOnWriteArrayList<>();
    ExchangeDriver[] self = new ExchangeDriver[1];
    Recorder counting = new Recorder() {
      @Override
      public void onBody(ByteBuffer bytes) {
        bytes.position(bytes.limit());
        readsDuring.add(wire.reads.get());
        // The wire's thread ends its read now, while the consumer parses: the window is empty
        // again (the consumer took everything), so it reads on at once, on its own thread.
        if (readsDuring.size() == 1) {
          onIoFromHandler(self[0]::readComplete);
        }
      }
    };
    ExchangeDriver driver = self[0] = started(counting, () -> {});
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      for (int i = 0; i < 3; i++) driver.body(ByteBuffer.allocate(piece), null);
    });
    int reads = wire.reads.get();
    driver.request();
    assertThat(readsDuring).containsExactly(reads, reads + 1, reads + 1);
    // That read is still out when the batch is parsed: the consumer asks for no other.
    assertThat(wire.reads.get()).isEqualTo(reads + 1);
  }

  @Test
  void aConsumerTakingAFullWindowAsksForTheNextReadBeforeItParses() throws Exception {
    int piece = ExchangeDriver.READ_AHEAD_BYTES / 2;
    List<Integer> readsDuring = new CopyOnWriteArrayList<>();
    Recorder counting = new Recorder() {
      @Override
      public void onBody(ByteBuffer bytes) {
        bytes.position(bytes.limit());
        readsDuring.add(wire.reads.get());
      }
    };
    ExchangeDriver driver = started(counting, () -> {});
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      for (int i = 0; i < 3; i++) driver.body(ByteBuffer.allocate(piece), null);
      driver.readComplete(); // the window is full: the wire's thread stops
    });
    int reads = wire.reads.get();
    driver.request();
    // The read was asked for as the batch was taken, before its first buffer was parsed.
    assertThat(readsDuring).containsExactly(reads + 1, reads + 1, reads + 1);
    assertThat(wire.reads.get()).isEqualTo(reads + 1);
  }

  @Test
  void aCancelAsTheReadBeforeABatchIsAskedForReleasesTheWholeBatch() throws Exception {
    ExchangeDriver[] self = new ExchangeDriver[1];
    Recorder recorder = new Recorder();
    FakeWire cancelling = new FakeWire() {
      @Override public void read() {
        super.read();
        if (reads.get() == 2) self[0].cancel(); // the read decided with the batch
      }
    };
    ExchangeDriver driver = self[0] = started(recorder, () -> {}, cancelling);
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(ByteBuffer.allocate(ExchangeDriver.READ_AHEAD_BYTES), "t1");
      driver.body(bytes("b"), "t2");
      driver.body(bytes("c"), "t3");
      driver.readComplete();
    });
    assertThat(cancelling.reads.get()).isEqualTo(1); // after the head; then the window was full
    String me = Thread.currentThread().getName();
    driver.request();
    assertThat(recorder.calls).containsExactly(
        "head 200@io", "error the exchange was cancelled@" + me);
    assertThat(cancelling.released.get()).isEqualTo(3);
    assertThat(driver.hasQueued()).isFalse();
  }

  @Test
  void aReadThatThrowsWhileTheConsumerParsesFailsTheExchangeAfterTheBatch() throws Exception {
    ExchangeDriver[] self = new ExchangeDriver[1];
    FakeWire failing = new FakeWire() {
      @Override public void read() {
        if (reads.incrementAndGet() == 2) throw new IllegalStateException("closed");
      }
    };
    Recorder recorder = new Recorder(r -> {
      if (r.calls.size() == 2) onIoFromHandler(self[0]::readComplete);
    });
    ExchangeDriver driver = self[0] = started(recorder, () -> {}, failing);
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), "t1");
      driver.body(bytes("b"), "t2");
      driver.body(bytes("c"), "t3");
    });
    String me = Thread.currentThread().getName();
    driver.request();
    driver.request();
    // The bytes that came are delivered first, then the failed read, once.
    assertThat(recorder.calls).containsExactly("head 200@io", "body a@" + me, "body b@" + me,
        "body c@" + me,
        "error the transport failed to read: java.lang.IllegalStateException@" + me);
    assertThat(failing.released.get()).isEqualTo(3);
  }

  @Test
  void aWireThatReportsFromInsideReadIsReadOnCallAfterCallNotCallInsideCall() throws Exception {
    ExchangeDriver[] self = new ExchangeDriver[1];
    AtomicInteger depth = new AtomicInteger();
    AtomicInteger deepest = new AtomicInteger();
    AtomicInteger inlineLeft = new AtomicInteger();
    FakeWire inline = new FakeWire() {
      @Override public void read() {
        super.read();
        // Once armed, on the wire's thread: a piece and the read's end, reported from inside.
        if (!Thread.currentThread().getName().equals("io") || inlineLeft.get() <= 0) return;
        inlineLeft.decrementAndGet();
        deepest.accumulateAndGet(depth.incrementAndGet(), Math::max);
        try {
          self[0].body(bytes("x"), null);
          self[0].readComplete();
        } finally {
          depth.decrementAndGet();
        }
      }
    };
    Recorder recorder = new Recorder(r -> {
      if (r.calls.size() == 2) { // the consumer parses: the wire's thread ends its read
        inlineLeft.set(1000);
        onIoFromHandler(self[0]::readComplete);
      }
    });
    ExchangeDriver driver = self[0] = started(recorder, () -> {}, inline);
    headAndThreePieces(driver);
    driver.request();
    // It read on a thousand times, each read issued after the one before returned.
    assertThat(inlineLeft.get()).isZero();
    assertThat(deepest.get()).isEqualTo(1);
    String me = Thread.currentThread().getName();
    assertThat(recorder.calls).containsExactly(
        "head 200@io", "body a@" + me, "body b@" + me, "body c@" + me);
    assertThat(driver.hasQueued()).isTrue(); // the thousand pieces wait for the next request
  }

  @Test
  void aReadDecidedWhileAnotherIsInProgressIsIssuedOnceThatOneReturns() throws Exception {
    ExchangeDriver[] self = new ExchangeDriver[1];
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    FakeWire answering = new FakeWire() {
      @Override public void read() {
        most.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
          // The read the consumer asks for as it takes its batch is answered on the wire's
          // thread before the consumer's call returns (java.net.http may do that): that thread
          // ends the read and would read on while the consumer is still inside this call.
          if (reads.incrementAndGet() == 2) {
            onIoFromHandler(() -> {
              self[0].body(bytes("d"), "t4");
              self[0].readComplete();
            });
          }
        } finally {
          inside.decrementAndGet();
        }
      }
    };
    ExchangeDriver driver = self[0] = started(handler, () -> {}, answering);
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(ByteBuffer.wrap(new byte[ExchangeDriver.READ_AHEAD_BYTES]), "t1");
      driver.body(bytes("b"), "t2");
      driver.body(bytes("c"), "t3");
      driver.readComplete(); // the window is full: the wire's thread stops
    });
    driver.request();
    assertThat(most.get()).isEqualTo(1);
    assertThat(answering.reads.get()).isEqualTo(3); // the third issued by the consumer, after
    assertThat(handler.calls).hasSize(4).endsWith(
        "body b@" + Thread.currentThread().getName(), "body c@" + Thread.currentThread().getName());
    assertThat(driver.hasQueued()).isTrue(); // d
  }

  @Test
  void aBatchAnswersEveryRequestSoFarAndTheNextIsTakenOnlyWhenAskedFor() throws Exception {
    ExchangeDriver[] self = new ExchangeDriver[1];
    Recorder queueingMore = new Recorder(r -> {
      if (r.calls.size() == 2) { // the wire's thread queues more while the batch is parsed
        onIoFromHandler(() -> {
          self[0].body(bytes("c"), "t3");
          self[0].body(bytes("d"), "t4");
        });
      }
    });
    ExchangeDriver driver = self[0] = started(queueingMore, () -> {});
    driver.request(); // asked twice before anything came, as a consumer that woke for nothing
    driver.request();
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), "t1");
      driver.body(bytes("b"), "t2");
    });
    String me = Thread.currentThread().getName();
    driver.request();
    assertThat(queueingMore.calls).containsExactly("head 200@io", "body a@" + me, "body b@" + me);
    assertThat(driver.hasQueued()).isTrue(); // c and d wait for the next request
    driver.request();
    assertThat(queueingMore.calls).endsWith("body c@" + me, "body d@" + me);
  }

  @Test
  void aCancelInsideABatchStopsItAndReleasesTheRest() throws Exception {
    ExchangeDriver[] self = new ExchangeDriver[1];
    // As a call cancelled while its consumer parses.
    Recorder cancelling = new Recorder(r -> self[0].cancel());
    ExchangeDriver driver = self[0] = started(cancelling, () -> {});
    headAndThreePieces(driver);
    String me = Thread.currentThread().getName();
    driver.request();
    assertThat(cancelling.calls).containsExactly(
        "head 200@io", "body a@" + me, "error the exchange was cancelled@" + me);
    assertThat(wire.released.get()).isEqualTo(3);
    assertThat(driver.hasQueued()).isFalse();
  }

  @Test
  void aHandlerThrowingInsideABatchHearsOfItOnceAndTheRestIsReleased() throws Exception {
    Recorder throwing = new Recorder(r -> {
      throw new IllegalStateException("boom");
    });
    ExchangeDriver driver = started(throwing, () -> {});
    headAndThreePieces(driver);
    String me = Thread.currentThread().getName();
    driver.request();
    assertThat(throwing.calls).containsExactly("head 200@io", "body a@" + me,
        "error the response handler threw java.lang.IllegalStateException@" + me);
    assertThat(wire.released.get()).isEqualTo(3);
    assertThat(driver.hasQueued()).isFalse();
  }

  /** The head, then "a", "b" and "c" (tokens t1 to t3) queued by one read. */
  private void headAndThreePieces(ExchangeDriver driver) throws Exception {
    onIo(() -> {
      driver.head(200, Headers.EMPTY);
      driver.body(bytes("a"), "t1");
      driver.body(bytes("b"), "t2");
      driver.body(bytes("c"), "t3");
    });
  }

  private static void waitUntilWaiting(Thread t) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) Thread.sleep(1);
    assertThat(t.getState()).isEqualTo(Thread.State.WAITING);
  }
}
