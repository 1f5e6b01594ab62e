package dev.chatwire.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.transport.Headers;
import dev.chatwire.transport.HttpRequest;
import dev.chatwire.transport.Transport;
import dev.chatwire.transport.Wire;
import dev.chatwire.transport.WireEvents;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A blocking stream on a non-blocking wire, whose I/O thread reports pieces of random size at
 * random moments while the consumer parses, waits and asks again: no wake-up is lost (a lost one
 * leaves the consumer waiting for bytes that are already queued, and the stream never ends), and
 * every byte arrives in order. It races the consumer's wait against the I/O thread's one wake-up
 * per wait, a handler call that asks for more without the call's lock, the reads the I/O thread
 * decides while the consumer parses, and the read asked for as the consumer takes a batch.
 */
class ConsumerWakeUpRaceTest {
  private static final int EVENTS = 150;
  private final ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "io"));

  @AfterEach
  void stop() {
    io.shutdownNow();
  }

  private static byte[] body(StringBuilder expected) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < EVENTS; i++) {
      String token = "t" + i + " ";
      expected.append(token);
      b.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,")
          .append("\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"")
          .append(token).append("\"},\"finish_reason\":null}]}\n\n");
    }
    b.append("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,")
        .append("\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},")
        .append("\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Serves {@code body} in random pieces, one to three a read, from the "io" thread. */
  private final class PieceWire implements Wire {
    private final WireEvents events;
    private final ArrayDeque<ByteBuffer> pieces = new ArrayDeque<>();
    private final Random random;

    PieceWire(WireEvents events, byte[] body, Random random) {
      this.events = events;
      this.random = random;
      for (int at = 0; at < body.length; ) {
        int n = Math.min(body.length - at, 1 + random.nextInt(random.nextBoolean() ? 40 : 900));
        pieces.add(ByteBuffer.wrap(body, at, n).slice());
        at += n;
      }
    }

    @Override
    public void start() {
      io.execute(() -> {
        events.connected();
        events.head(200, Headers.of("content-type", "text/event-stream"));
      });
    }

    @Override
    public void read() {
      int delay = random.nextInt(4);
      io.execute(() -> {
        if (delay == 0) LockSupport.parkNanos(20_000); // now and then the consumer waits first
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n && !pieces.isEmpty(); i++) {
          events.body(pieces.poll(), null);
          if (delay == 1) Thread.yield();
        }
        if (pieces.isEmpty()) {
          events.end();
        } else {
          events.readComplete();
        }
      });
    }

    @Override
    public void cancel() {}
  }

  @Test
  void aConsumerTakingBytesAnIoThreadQueuesGetsThemAllWhateverTheTiming() {
    StringBuilder expected = new StringBuilder();
    byte[] body = body(expected);
    Random seeds = new Random(42);
    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      for (int run = 0; run < 300; run++) {
        Random random = new Random(seeds.nextLong());
        Transport transport = new Transport() {
          @Override
          public Wire open(HttpRequest request, WireEvents events) {
            return new PieceWire(events, body, random);
          }

          @Override
          public void close() {}
        };
        try (ChatWire client = ChatWire.builder().transport(transport)
            .baseUrl("http://127.0.0.1:1/v1").apiKey("k").build();
            ChatStream stream = client.chat().stream(ChatCompletionRequest.builder()
                .model("m").addUserMessage("hi").build())) {
          StringBuilder text = new StringBuilder();
          for (String delta : stream.textDeltas()) {
            text.append(delta);
            if (random.nextInt(8) == 0) LockSupport.parkNanos(random.nextInt(30_000));
          }
          assertThat(text.toString()).as("run %d", run).isEqualTo(expected.toString());
        }
      }
    });
    io.shutdown();
    try {
      assertThat(io.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
