package dev.chatwire.testkit;

import dev.chatwire.testkit.internal.BodySource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The events of a scripted SSE body, their bytes and where each starts. */
final class SseEvents {
  final List<String> data;
  final boolean done;
  private final byte[] bytes;
  private final long[] starts;

  SseEvents(List<String> data, boolean done) {
    this.data = Collections.unmodifiableList(new ArrayList<>(data));
    this.done = done;
    List<String> all = new ArrayList<>(data);
    if (done) all.add("[DONE]");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    starts = new long[all.size() + 1];
    for (int i = 0; i < all.size(); i++) {
      starts[i] = out.size();
      for (String line : all.get(i).split("\n", -1)) {
        byte[] encoded = ("data: " + line + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(encoded, 0, encoded.length);
      }
      out.write('\n');
    }
    starts[all.size()] = out.size();
    bytes = out.toByteArray();
  }

  /** The number of events, {@code [DONE]} included. */
  int count() {
    return starts.length - 1;
  }

  /** The offset where event {@code i} starts; {@code count()} gives the body length. */
  long start(int i) {
    return starts[i];
  }

  long length(int i) {
    return starts[i + 1] - starts[i];
  }

  BodySource body() {
    return BodySource.of(bytes);
  }
}
