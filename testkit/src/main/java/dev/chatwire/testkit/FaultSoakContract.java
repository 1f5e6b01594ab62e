package dev.chatwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.ChatWire;
import dev.chatwire.RequestOptions;
import dev.chatwire.RetryPolicy;
import dev.chatwire.error.ChatWireException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.stream.ChatStream;
import dev.chatwire.testkit.internal.LeakWatch;
import dev.chatwire.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * A soak of random fault mixes: {@code chatwire.soak.streams} streams (300 unless set), each with
 * a {@link FaultMode} and its details drawn from {@code chatwire.soak.seed} (random unless set,
 * printed on failure), half through the blocking API and half through the async one, {@code
 * chatwire.soak.concurrency} at a time (4). Every stream must end within its deadline with the
 * one outcome its mode promises (see {@link FaultMode}), the partial of a failure equal to the
 * chunks delivered. Afterwards, once the transport is closed: no connection open on the server,
 * no thread left that was not there before, open file descriptors back to their baseline (Linux),
 * and no buffer leak reported by Netty (run with {@code -Dio.netty.leakDetection.level=paranoid}).
 *
 * <p>Extend it in a transport's tests with {@link #newTransport()}; a mode the transport cannot
 * pass yet goes in {@link #unsupportedModes()} with the reason, so it is skipped visibly (and
 * counted in the report) instead of failing the build.
 */
public abstract class FaultSoakContract {
  /** Retries of the soak's client; 5 ms backoff keeps the soak fast. */
  static final int MAX_RETRIES = 2;
  /** The most any stream may take, timeouts and retries included, on a loaded machine. */
  static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final Duration SETTLE = Duration.ofSeconds(30);
  private static final String STREAM_HEADER = "x-soak-stream";
  private static final String PATH = "/v1/chat/completions";

  static {
    LeakWatch.install();
  }

  /** A new transport with default settings; the soak closes it. */
  protected abstract Transport newTransport();

  /**
   * The modes this transport cannot pass yet, each with why; they are not run. Document each
   * exclusion where it is made, and remove it once the transport is fixed.
   */
  protected Map<FaultMode, String> unsupportedModes() {
    return Collections.emptyMap();
  }

  /**
   * Whether the transport may send a request on a pooled connection that then closes before any
   * response byte. ChatWire rightly retries such a failure (no byte arrived), so the server sees
   * one request more than the mode promises, or, on the last attempt, the call ends as that
   * {@code ConnectionException}. Rarely a response's connection breaks mid-body the same way (a
   * {@code ConnectionException} carrying what arrived). When true, the soak accepts exactly these
   * deviations, counts them in the report ({@code +1 request (pooled connection broke)}, {@code
   * ConnectionException (pooled connection broke)}, {@code ConnectionException (connection
   * broke)}), and still fails on anything else.
   */
  protected boolean mayLosePooledConnections() {
    return false;
  }

  /**
   * Threads a transport may leave running after {@code close()} because the JVM keeps them for
   * every user (name prefixes), such as a shared pool that is not the transport's own.
   */
  protected Set<String> sharedThreadPrefixes() {
    return Collections.emptySet();
  }

  @Test
  void randomFaultMixesEndAsPromisedAndLeaveNothingBehind() throws Exception {
    int streams = Integer.getInteger("chatwire.soak.streams", 300);
    long seed = Long.getLong("chatwire.soak.seed", new Random().nextLong());
    Map<FaultMode, String> excluded = unsupportedModes();
    SoakReport report = new SoakReport(getClass().getSimpleName(), seed, streams, excluded);
    try (ChatServer server = ChatServer.start()) {
      warmUp(server);
    }
    ResourceSnapshot before = ResourceSnapshot.take();
    try (ChatServer server = ChatServer.start()) {
      soak(server, report, streams, seed, excluded);
      int open = awaitNoOpenConnection(server);
      if (open > 0) report.leftovers(open + " connection(s) still open on the server");
      System.gc(); // lets Netty's detector see any buffer dropped without release
    }
    // The transport and its client are unreachable now: a selector that ends on collection may.
    report.leftovers(before.awaitBack(sharedThreadPrefixes(), SETTLE));
    report.print();
    assertThat(report.failures()).as(report.summary()).isEmpty();
  }

  /**
   * A few clean streams on a transport of their own, so that classes are loaded, code is compiled
   * and the JVM's shared threads exist before the baseline is taken and the timers are short.
   */
  private void warmUp(ChatServer server) throws Exception {
    Transport transport = newTransport();
    try (ChatWire client = ChatWire.builder().baseUrl(server.url("/v1").toString())
        .apiKey(ClientHarness.SECRET).transport(transport).build()) {
      for (int i = 0; i < 20; i++) {
        server.enqueue(MockResponse.sse(ClientHarness.chunkJson("warm"), ClientHarness.finishJson()));
        if (i % 2 == 0) {
          try (ChatStream s = client.chat().stream(ClientHarness.request())) {
            s.getCompletion();
          }
        } else {
          client.chat().streamAsync(ClientHarness.request(), chunk -> { })
              .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } finally {
      transport.close();
    }
  }

  private void soak(ChatServer server, SoakReport report, int streams, long seed,
      Map<FaultMode, String> excluded) throws InterruptedException {
    int concurrency = Integer.getInteger("chatwire.soak.concurrency", 4);
    List<FaultMode> modes = new ArrayList<>(EnumSet.allOf(FaultMode.class));
    modes.removeAll(excluded.keySet());
    Map<String, SoakScenario> scenarios = new ConcurrentHashMap<>();
    server.setDispatcher(request -> {
      SoakScenario s = scenarios.get(String.valueOf(request.getHeader(STREAM_HEADER)));
      return s == null ? MockResponse.error(404, "{\"error\":{\"message\":\"no stream\"}}") : s.next();
    });
    Transport transport = newTransport();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    try (ChatWire client = client(server, transport)) {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        int index = i;
        Random random = new Random(streamSeed(seed, index));
        SoakScenario scenario =
            new SoakScenario(modes.get(random.nextInt(modes.size())), random, PATH);
        boolean async = random.nextBoolean();
        scenarios.put(String.valueOf(index), scenario);
        boolean tolerant = mayLosePooledConnections();
        runs.add(workers.submit(() -> report.record(index, scenario, async,
            runOne(client, index, scenario, async, tolerant))));
      }
      for (int i = 0; i < runs.size(); i++) {
        try {
          runs.get(i).get(DEADLINE.toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
          report.fail(i, scenarios.get(String.valueOf(i)), "did not end: " + e);
        }
      }
    } finally {
      workers.shutdownNow();
      workers.awaitTermination(SETTLE.toMillis(), TimeUnit.MILLISECONDS);
      transport.close();
    }
  }

  /** Runs one stream to its end: null when it ended as promised, else what went wrong. */
  private static @Nullable String runOne(
      ChatWire client, int index, SoakScenario s, boolean async, boolean tolerant) {
    RequestOptions options = RequestOptions.builder()
        .header(STREAM_HEADER, String.valueOf(index))
        .timeouts(s.timeouts())
        .build();
    StringBuilder delivered = new StringBuilder();
    String text = null;
    Throwable error = null;
    long start = System.nanoTime();
    if (async) {
      CompletableFuture<ChatCompletion> f = client.chat().streamAsync(
          ClientHarness.request(), chunk -> append(delivered, chunk), options);
      try {
        text = textOf(f.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
      } catch (ExecutionException e) {
        error = e.getCause();
      } catch (TimeoutException e) {
        f.cancel(true);
        s.actual = "no outcome";
        return "no outcome within " + DEADLINE;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    } else {
      try (ChatStream stream = client.chat().stream(ClientHarness.request(), options)) {
        for (ChatCompletionChunk chunk : stream) append(delivered, chunk);
        text = textOf(stream.getCompletion());
      } catch (RuntimeException e) {
        error = e;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (elapsed > DEADLINE.toNanos()) {
      s.actual = "too slow";
      return "took " + Duration.ofNanos(elapsed);
    }
    if (error != null && !(error instanceof ChatWireException)) {
      return "untyped failure " + SoakScenario.describe(error);
    }
    s.actual = error == null ? "completion" : error.getClass().getSimpleName();
    ChatCompletion partial = error == null ? null : ((ChatWireException) error).getPartialCompletion();
    String synchronizedDelivered;
    synchronized (delivered) {
      synchronizedDelivered = delivered.toString();
    }
    String partialText = partial == null ? null : textOf(partial);
    String problem = s.check(text, error, partialText, synchronizedDelivered, s.requests.get());
    if (problem == null || !tolerant) return problem;
    if (error instanceof ConnectionException && partial == null
        && String.valueOf(error.getMessage()).contains("header parser received no bytes")) {
      s.actual = "ConnectionException (pooled connection broke)";
      return null;
    }
    if (error instanceof ConnectionException && s.isAPrefix(partialText)
        && String.valueOf(partialText).equals(synchronizedDelivered.isEmpty() ? "null" : synchronizedDelivered)
        && String.valueOf(error.getMessage()).contains("the connection broke mid-response")) {
      s.actual = "ConnectionException (connection broke)";
      return null;
    }
    if (s.check(text, error, partialText, synchronizedDelivered, s.requests.get() - 1) == null) {
      s.actual += " +1 request (pooled connection broke)";
      return null;
    }
    return problem;
  }

  private static void append(StringBuilder delivered, ChatCompletionChunk chunk) {
    if (chunk.getChoices().isEmpty()) return;
    String content = chunk.getChoices().get(0).getDelta().getContent();
    if (content == null) return;
    synchronized (delivered) {
      delivered.append(content);
    }
  }

  private static @Nullable String textOf(ChatCompletion c) {
    return c.getChoices().isEmpty() ? null : c.getChoices().get(0).getMessage().getContent();
  }

  private static ChatWire client(ChatServer server, Transport transport) {
    return ChatWire.builder()
        .baseUrl(server.url("/v1").toString())
        .apiKey(ClientHarness.SECRET)
        .transport(transport)
        .retryPolicy(RetryPolicy.builder()
            .maxRetries(MAX_RETRIES)
            .initialDelay(Duration.ofMillis(5))
            .maxDelay(Duration.ofMillis(20))
            .build())
        .build();
  }

  /** The server's open connections, once they have had {@link #SETTLE} to close; 0 is right. */
  private static int awaitNoOpenConnection(ChatServer server) throws InterruptedException {
    long end = System.nanoTime() + SETTLE.toNanos();
    long nextGc = System.nanoTime();
    while (server.getOpenConnectionCount() > 0 && System.nanoTime() < end) {
      if (System.nanoTime() - nextGc >= 0) {
        // A client that can only close its connections by becoming unreachable (java.net.http
        // before Java 21) is closed by its collection; an idle soak allocates too little for
        // one to come by itself.
        System.gc();
        nextGc = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      }
      Thread.sleep(20); // polling for a state to be reached, not proving an absence
    }
    return server.getOpenConnectionCount();
  }

  /**
   * The seed of stream {@code index}: java.util.Random's first values are nearly the same for
   * nearby seeds, so the soak's seed and the index are mixed first (SplittableRandom's mix64).
   */
  static long streamSeed(long seed, int index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static Map<FaultMode, int[]> newCounts() {
    return new EnumMap<>(FaultMode.class);
  }
}
