package dev.chatwire.testkit;

import dev.chatwire.Timeouts;
import dev.chatwire.error.ApiException;
import dev.chatwire.error.ConnectionException;
import dev.chatwire.error.DecodeException;
import dev.chatwire.error.IdleTimeoutException;
import dev.chatwire.error.RateLimitException;
import dev.chatwire.error.ResponseTimeoutException;
import dev.chatwire.error.StreamErrorException;
import dev.chatwire.error.TruncatedStreamException;
import dev.chatwire.sse.EventTooLargeException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One stream of the soak: the responses the server gives it, attempt by attempt, and the one
 * outcome the client must end with. Built from a seeded {@link Random}, so a seed replays it.
 */
final class SoakScenario {
  /** Attempts a call may make: the first and {@link FaultSoakContract#MAX_RETRIES} retries. */
  static final int MAX_ATTEMPTS = FaultSoakContract.MAX_RETRIES + 1;
  private static final Duration FOREVER = Duration.ofMinutes(10);
  private static final int OVERSIZED = 1024 * 1024 + 1;
  static final Duration SHORT = Duration.ofSeconds(1);
  static final Duration LONG = Duration.ofSeconds(10);

  final FaultMode mode;
  final String description;
  private final List<String> texts = new ArrayList<>(); // the content of each content chunk
  private final List<MockResponse> attempts = new ArrayList<>();
  final AtomicInteger requests = new AtomicInteger();
  /** How the stream ended: "completion" or the simple name of the exception. */
  volatile String actual = "not run";

  // The expected outcome.
  private @Nullable Class<? extends Throwable> expectedError;
  /** A second failure type that is as right, where transports differ by design. */
  private @Nullable Class<? extends Throwable> alsoAllowedError;
  /** Whether reading the response leniently to its end is as right as failing. */
  private boolean mayComplete;
  /** The content chunks the outcome carries: all of them on success, the prefix on failure. */
  private int expectedChunks;
  /** RST may drop bytes already sent: then any shorter prefix is right too. */
  private boolean prefixMayShrink;
  private int expectedStatus;
  private int minRequests = 1;
  private int maxRequests = 1;

  SoakScenario(FaultMode mode, Random random, String path) {
    this.mode = mode;
    int k = 2 + random.nextInt(mode == FaultMode.DRIP ? 2 : 5);
    for (int i = 0; i < k; i++) texts.add(word(random));
    this.description = build(random, k, path);
  }

  /**
   * The timers of this stream: short (1 s) only for the timer its mode is about to fire, long
   * (10 s) for the others, so that a loaded machine's slow response is not taken for a fault.
   */
  Timeouts timeouts() {
    Duration headers = mode == FaultMode.HEADERS_NEVER_END ? SHORT : LONG;
    Duration idle = mode == FaultMode.STALL_AFTER_HEADERS || mode == FaultMode.STALL_MID_EVENT
        ? SHORT : LONG;
    return Timeouts.builder().connect(LONG).responseHeaders(headers).idle(idle).build();
  }

  /** The response to this stream's next request. */
  MockResponse next() {
    int n = requests.getAndIncrement();
    return attempts.get(Math.min(n, attempts.size() - 1));
  }

  private String build(Random random, int k, String path) {
    int j = random.nextInt(k + 1); // the event the fault hits: 0..k (k is the finish chunk)
    Events sse = new Events();
    switch (mode) {
      case CLEAN: {
        MockResponse r = framed(random, sse.all(texts));
        attempts.add(r);
        expectedChunks = k;
        return "clean " + framing;
      }
      case DRIP:
        attempts.add(framed(random, sse.all(texts)).drip());
        expectedChunks = k;
        return "drip " + framing;
      case RESET_BEFORE_HEADERS:
        attempts.add(framed(random, sse.all(texts)).faultBeforeHeaders(Fault.reset()));
        fails(ConnectionException.class, 0);
        // Every attempt fails; one on a pooled connection the reset killed may never reach it.
        maxRequests = MAX_ATTEMPTS;
        return "reset before headers";
      case RESET_MID_BODY: {
        j = 1 + random.nextInt(k);
        byte[] body = sse.all(texts);
        attempts.add(sse(body, random.nextBoolean()).faultAtByte(sse.start(j), Fault.reset()));
        fails(ConnectionException.class, j);
        prefixMayShrink = true;
        maxRequests = MAX_ATTEMPTS; // a reset that beat every byte is a failure before any byte
        return "reset before event " + j;
      }
      case STALL_AFTER_HEADERS:
        attempts.add(sse(sse.all(texts), true).faultAtByte(0, Fault.stall(FOREVER)));
        fails(IdleTimeoutException.class, 0);
        return "stall after headers";
      case STALL_MID_EVENT: {
        byte[] body = sse.all(texts);
        attempts.add(sse(body, random.nextBoolean())
            .faultAtByte(sse.start(j) + sse.length(j) / 2, Fault.stall(FOREVER)));
        fails(IdleTimeoutException.class, Math.min(j, k));
        return "stall inside event " + j;
      }
      case TRUNCATE_FRAMED: {
        byte[] body = sse.all(texts);
        attempts.add(sse(body, true).faultAtByte(sse.start(j) + sse.length(j) / 2, Fault.close()));
        fails(ConnectionException.class, Math.min(j, k));
        return "chunked body cut inside event " + j;
      }
      case TRUNCATE_UNFRAMED: {
        byte[] body = sse.all(texts);
        attempts.add(sse(body, false).closeDelimited()
            .faultAtByte(sse.start(j) + sse.length(j) / 2, Fault.close()));
        fails(TruncatedStreamException.class, Math.min(j, k));
        return "close-delimited body cut inside event " + j;
      }
      case MALFORMED_JSON:
        attempts.add(framed(random, sse.replacing(texts, j,
            "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"".getBytes(
                StandardCharsets.UTF_8))));
        fails(DecodeException.class, Math.min(j, k));
        return "malformed JSON in event " + j;
      case OVERSIZED_EVENT: {
        byte[] big = new byte[OVERSIZED];
        java.util.Arrays.fill(big, (byte) 'a');
        attempts.add(framed(random, sse.replacing(texts, j, big)));
        fails(EventTooLargeException.class, Math.min(j, k));
        return "oversized event " + j;
      }
      case GARBAGE_BYTES:
        attempts.add(framed(random, sse.replacing(texts, j, garbage(random, 1 + random.nextInt(300)))));
        fails(DecodeException.class, Math.min(j, k));
        return "garbage bytes in event " + j;
      case CORRUPT_GZIP: {
        byte[] body = garbage(random, 20 + random.nextInt(300));
        body[0] = 0x1f; // gzip's magic and method, then nonsense
        body[1] = (byte) 0x8b;
        body[2] = 8;
        attempts.add(sse(body, false).header("Content-Encoding", "gzip"));
        fails(ConnectionException.class, 0);
        // A transport that inflates fails reading; one that passes the bytes on hands core a
        // body without a single event, which core refuses as a DecodeException.
        alsoAllowedError = DecodeException.class;
        maxRequests = MAX_ATTEMPTS;
        return "corrupt gzip body";
      }
      case HEADERS_NEVER_END:
        attempts.add(MockResponse.raw("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n",
            "X-Padding: 0123456789abcdef\r\n", 1 << 20).throttle(27, Duration.ofMillis(20)));
        fails(ResponseTimeoutException.class, 0);
        minRequests = 0; // on a loaded machine the timer may fire before the server reads a request
        maxRequests = MAX_ATTEMPTS;
        return "header lines that never end";
      case OVERSIZED_HEADER: {
        StringBuilder big = new StringBuilder(512 * 1024);
        while (big.length() < 512 * 1024) big.append("0123456789abcdef");
        attempts.add(rawResponse("X-Big: " + big + "\r\n", sse.all(texts)));
        fails(ConnectionException.class, 0);
        maxRequests = MAX_ATTEMPTS;
        return "512 KiB header field";
      }
      case MALFORMED_HEADER:
        attempts.add(rawResponse("This header line has no colon\r\n", sse.all(texts)));
        fails(ConnectionException.class, 0);
        // RFC 9112 makes servers reject such a line but leaves clients free to skip it:
        // java.net.http and Netty read on; what no transport may do is hang or fail untyped.
        mayComplete = true;
        expectedChunks = k;
        maxRequests = MAX_ATTEMPTS;
        return "header line without a colon";
      case RETRY_AFTER: {
        int failures = 1 + random.nextInt(MAX_ATTEMPTS);
        int status = new int[] {429, 500, 502, 503}[random.nextInt(4)];
        MockResponse error = MockResponse.error(status,
                "{\"error\":{\"message\":\"try again\",\"type\":\"soak\",\"code\":null}}")
            .header("retry-after-ms", "5");
        for (int i = 0; i < failures; i++) attempts.add(error);
        attempts.add(framed(random, sse.all(texts)));
        if (failures < MAX_ATTEMPTS) {
          expectedChunks = k;
          minRequests = maxRequests = failures + 1;
        } else {
          fails(status == 429 ? RateLimitException.class : ApiException.class, 0);
          expectedStatus = status;
          minRequests = maxRequests = MAX_ATTEMPTS;
        }
        return status + " with retry-after on " + failures + " attempt(s)";
      }
      case REDIRECT_LOOP:
        attempts.add(MockResponse.json("{}").status(307).header("Location", path));
        fails(ApiException.class, 0);
        expectedStatus = 307;
        return "307 to itself";
      case ERROR_EVENT:
        attempts.add(framed(random, sse.replacing(texts, j,
            "{\"error\":{\"message\":\"the soak failed this stream\",\"type\":\"soak_error\",\"code\":\"soak\"}}"
                .getBytes(StandardCharsets.UTF_8))));
        fails(StreamErrorException.class, Math.min(j, k));
        return "error event " + j;
    }
    throw new AssertionError(mode);
  }

  private String framing = "";

  private void fails(Class<? extends Throwable> error, int prefix) {
    expectedError = error;
    expectedChunks = prefix;
  }

  private MockResponse framed(Random random, byte[] body) {
    switch (random.nextInt(3)) {
      case 0:
        framing = "chunked";
        return sse(body, true);
      case 1:
        framing = "content-length";
        return sse(body, false);
      default:
        framing = "close-delimited";
        return sse(body, false).closeDelimited();
    }
  }

  private static MockResponse sse(byte[] body, boolean chunked) {
    MockResponse r = MockResponse.body(body).header("Content-Type", "text/event-stream");
    return chunked ? r.chunked() : r;
  }

  private static MockResponse rawResponse(String extraHeader, byte[] body) {
    // Connection: close, as the raw response ends with the connection: a client that pooled it
    // would send a later stream's request into a closing socket.
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n"
        + extraHeader + "Content-Length: " + body.length + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return MockResponse.raw(all);
  }

  /** Random bytes that hold no line break and start with a byte no JSON starts with. */
  private static byte[] garbage(Random random, int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    for (int i = 0; i < length; i++) {
      if (out[i] == '\n' || out[i] == '\r') out[i] = (byte) 0xC0;
    }
    out[0] = 1;
    return out;
  }

  private static String word(Random random) {
    char[] w = new char[1 + random.nextInt(8)];
    for (int i = 0; i < w.length; i++) w[i] = (char) ('a' + random.nextInt(26));
    return new String(w) + ' ';
  }

  // ---- the expectation ----------------------------------------------------------------------

  /** Whether {@code partialText} is the text of some first chunks of this stream (or null). */
  boolean isAPrefix(@Nullable String partialText) {
    for (int n = 0; n <= k(); n++) {
      String p = prefix(n);
      if (p == null ? partialText == null : p.equals(partialText)) return true;
    }
    return false;
  }

  private int k() {
    return texts.size();
  }

  /** The text of the first {@code n} content chunks, null for none. */
  @Nullable String prefix(int n) {
    if (n == 0) return null;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) sb.append(texts.get(i));
    return sb.toString();
  }

  /** What is wrong with how the stream ended, or null when it ended as promised. */
  @Nullable String check(@Nullable String completionText, @Nullable Throwable error,
      @Nullable String partialText, String deliveredText, int requestCount) {
    if (requestCount < minRequests || requestCount > maxRequests) {
      return requestCount + " requests, expected " + minRequests
          + (minRequests == maxRequests ? "" : ".." + maxRequests);
    }
    if (expectedError == null) {
      if (error != null) return "expected the completion, got " + describe(error);
      String want = prefix(expectedChunks);
      if (!want.equals(completionText)) return "completion text " + completionText + ", expected " + want;
      if (!want.equals(deliveredText)) return "delivered " + deliveredText + ", expected " + want;
      return null;
    }
    if (error == null && mayComplete) {
      String want = prefix(k());
      return want.equals(completionText) && want.equals(deliveredText) ? null
          : "completion text " + completionText + ", delivered " + deliveredText + ", expected " + want;
    }
    if (mayComplete) expectedChunks = 0;
    if (error == null) return "expected " + expectedError.getSimpleName() + ", got a completion";
    if (!expectedError.isInstance(error)
        && (alsoAllowedError == null || !alsoAllowedError.isInstance(error))) {
      return "expected " + expectedError.getSimpleName() + ", got " + describe(error);
    }
    if ((expectedError == DecodeException.class || alsoAllowedError == DecodeException.class)
        && error instanceof EventTooLargeException) {
      return "expected a JSON DecodeException, got " + describe(error);
    }
    if (expectedStatus != 0 && ((ApiException) error).getStatus() != expectedStatus) {
      return "status " + ((ApiException) error).getStatus() + ", expected " + expectedStatus;
    }
    if (error instanceof StreamErrorException && !((StreamErrorException) error).isInStream()) {
      return "an error event not marked in-stream";
    }
    String delivered = deliveredText.isEmpty() ? null : deliveredText;
    if (partialText == null ? delivered != null : !partialText.equals(delivered)) {
      return "partial " + partialText + " but delivered " + delivered;
    }
    if (prefixMayShrink) {
      for (int n = 0; n <= expectedChunks; n++) {
        String p = prefix(n);
        if (p == null ? partialText == null : p.equals(partialText)) return null;
      }
      return "partial " + partialText + ", expected a prefix of " + prefix(expectedChunks);
    }
    String want = prefix(expectedChunks);
    if (want == null ? partialText != null : !want.equals(partialText)) {
      return "partial " + partialText + ", expected " + want;
    }
    return null;
  }

  static String describe(Throwable e) {
    return e.getClass().getName() + ": " + e.getMessage();
  }

  /** The SSE body of a stream: content chunks, the finish chunk, [DONE]; event offsets kept. */
  private static final class Events {
    private final List<Long> starts = new ArrayList<>();
    private final List<Long> lengths = new ArrayList<>();

    byte[] all(List<String> texts) {
      return replacing(texts, -1, null);
    }

    /** The stream with event {@code at} (the finish chunk when it is the last) given as data. */
    byte[] replacing(List<String> texts, int at, byte @Nullable [] data) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      starts.clear();
      lengths.clear();
      for (int i = 0; i <= texts.size() + 1; i++) {
        byte[] event;
        if (i == at && data != null) {
          event = data;
        } else if (i < texts.size()) {
          event = (i == 0 ? ClientHarness.chunkJson(texts.get(i)).replace(
              "\"delta\":{", "\"delta\":{\"role\":\"assistant\",") : ClientHarness.chunkJson(
              texts.get(i))).getBytes(StandardCharsets.UTF_8);
        } else if (i == texts.size()) {
          event = ClientHarness.finishJson().getBytes(StandardCharsets.UTF_8);
        } else {
          event = "[DONE]".getBytes(StandardCharsets.UTF_8);
        }
        starts.add((long) out.size());
        out.write('d');
        out.write('a');
        out.write('t');
        out.write('a');
        out.write(':');
        out.write(' ');
        out.write(event, 0, event.length);
        out.write('\n');
        out.write('\n');
        lengths.add((long) out.size() - starts.get(i));
      }
      return out.toByteArray();
    }

    long start(int i) {
      return starts.get(i);
    }

    long length(int i) {
      return lengths.get(i);
    }
  }
}
