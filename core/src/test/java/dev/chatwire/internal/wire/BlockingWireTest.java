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
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A blocking wire: each read runs on the thread that asks, reports what it read before it returns
 * (the driver's own thread reporting to it), and must report something.
 */
// A driver that asks an empty-handed read again spins forever: a separate thread times it out.
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BlockingWireTest {
  private final List<String> calls = new CopyOnWriteArrayList<>();
  /** What each read reports, in turn; a read with nothing left reports nothing. */
  private final Queue<Consumer<WireEvents>> reads = new ArrayDeque<>();
  private WireEvents events;

  private final ResponseHandler handler = new ResponseHandler() {
    @Override
    public void onResponse(int status, Headers headers) {
      calls.add("head " + status);
    }

    @Override
    public void onBody(ByteBuffer bytes) {
      byte[] b = new byte[bytes.remaining()];
      bytes.get(b);
      calls.add("body " + new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void onComplete() {
      calls.add("complete");
    }

    @Override
    public void onError(IOException error) {
      calls.add("error " + error.getMessage());
    }
  };

  private ExchangeDriver started() {
    ExchangeDriver driver = new ExchangeDriver(handler);
    Transport transport = new Transport() {
      @Override
      public Wire open(HttpRequest request, WireEvents e) {
        events = e;
        return new Wire() {
          @Override public boolean isBlocking() {
            return true;
          }

          @Override public void start() {}

          @Override public void read() {
            Consumer<WireEvents> next = reads.poll();
            if (next != null) next.accept(events);
          }

          @Override public void cancel() {}

          @Override public void release(Object token) {}
        };
      }

      @Override public void close() {}
    };
    driver.open(transport, HttpRequest.builder().uri(URI.create("http://localhost/")).build());
    driver.start(false);
    return driver;
  }

  /** A read that reports {@code text} and completes. */
  private static Consumer<WireEvents> readOf(String text) {
    return e -> {
      e.body(bytes(text), null);
      e.readComplete();
    };
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void eachRequestReadsOnceOnTheCallersThreadAndDeliversWhatTheReadReported() {
    reads.add(readOf("a"));
    reads.add(e -> {
      e.body(bytes("b"), null);
      e.end();
    });
    ExchangeDriver driver = started();
    events.head(200, Headers.EMPTY);
    driver.request();
    assertThat(calls).containsExactly("head 200", "body a");
    assertThat(reads).hasSize(1); // one read per request: the second waits for demand
    driver.request();
    assertThat(calls).containsExactly("head 200", "body a", "body b", "complete");
  }

  @Test
  void aBlockingReadThatReportsNothingFailsTheExchangeRatherThanSpin() {
    reads.add(readOf("a"));
    ExchangeDriver driver = started();
    events.head(200, Headers.EMPTY);
    driver.request();
    driver.request(); // this read reports nothing
    assertThat(calls).containsExactly("head 200", "body a",
        "error the transport's blocking read returned nothing");
  }
}
