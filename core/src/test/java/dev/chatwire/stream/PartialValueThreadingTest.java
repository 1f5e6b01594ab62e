package dev.chatwire.stream;

import static dev.chatwire.stream.Chunks.chunk;
import static dev.chatwire.stream.Chunks.fragment;
import static dev.chatwire.stream.Chunks.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.json.PartialJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Events handed to another thread while the stream goes on: each one's partial value is the
 * value of its own arguments so far, whether the live reader or a new one builds it.
 */
class PartialValueThreadingTest {
  @Test
  void partialValuesReadOnAnotherThreadWhileTheStreamGoesOnAreTheirEventsOwn() throws Exception {
    StringBuilder doc = new StringBuilder("{\"rows\": [");
    for (int i = 0; i < 400; i++) {
      doc.append(i == 0 ? "" : ", ").append("{\"id\": ").append(i).append(", \"s\": \"v\\n").append(i).append("\"}");
    }
    String text = doc.append("]}").toString();
    Random random = new Random(3);
    List<String> deltas = new ArrayList<>();
    for (int at = 0; at < text.length(); ) {
      int end = Math.min(text.length(), at + 1 + random.nextInt(12));
      deltas.add(text.substring(at, end));
      at = end;
    }
    BlockingQueue<Object> handed = new ArrayBlockingQueue<>(deltas.size() + 1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    int[] checked = {0};
    Thread consumer = new Thread(() -> {
      try {
        for (Object o = handed.take(); o instanceof ToolCallArgumentsDelta; o = handed.take()) {
          ToolCallArgumentsDelta d = (ToolCallArgumentsDelta) o;
          PartialJson again = new PartialJson();
          again.append(d.getArguments());
          if (!Objects.equals(d.getPartialValue(), again.value())) {
            throw new AssertionError("another value at length " + d.getArguments().length());
          }
          checked[0]++;
        }
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    consumer.start();

    StreamEvents events = new StreamEvents(false);
    for (int i = 0; i < deltas.size(); i++) {
      String id = i == 0 ? "c1" : null;
      events.add(chunk(toolCalls(0, fragment(0, id, i == 0 ? "f" : null, deltas.get(i)))), e -> {
        if (e instanceof ToolCallArgumentsDelta) handed.add(e);
      });
    }
    handed.add("end");
    consumer.join(30_000);

    assertThat(failure.get()).isNull();
    assertThat(checked[0]).isEqualTo(deltas.size());
  }
}
