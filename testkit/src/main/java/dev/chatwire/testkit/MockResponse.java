package dev.chatwire.testkit;

import dev.chatwire.testkit.internal.Action;
import dev.chatwire.testkit.internal.BodySource;
import dev.chatwire.testkit.internal.Patterns;
import dev.chatwire.testkit.internal.ResponseScript;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A scripted response: status, header fields, a body (JSON, an SSE stream, raw or generated
 * bytes), its pacing, and faults at points in it. Immutable: every method returns a changed copy,
 * so one value can be enqueued many times.
 *
 * <pre>{@code
 * server.enqueue(MockResponse.json(completionJson));
 * server.enqueue(MockResponse.sse(chunk1, chunk2).eventDelay(Duration.ofMillis(20)));
 * server.enqueue(MockResponse.error(429, errorJson).header("retry-after", "1"));
 * server.enqueue(MockResponse.sse(chunk1, chunk2, chunk3).truncateEvent(2));
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * server.enqueue(MockResponse.sse(listOf(chunk1, chunk2)).faultAtEvent(1, Fault.stallUntil(gate)))
 * }</pre>
 */
public final class MockResponse {
  private int status;
  private List<String> headers;
  private BodySource body;
  private @Nullable SseEvents sse;
  private boolean chunked;
  private boolean closeDelimited;
  private boolean raw;
  private long throttleBytes;
  private long throttleNanos;
  private long eventDelayNanos;
  private List<Placed> faults;

  private MockResponse(int status, String contentType, BodySource body, boolean chunked) {
    this.status = status;
    this.headers = Collections.unmodifiableList(Arrays.asList("Content-Type", contentType));
    this.body = body;
    this.chunked = chunked;
    this.faults = Collections.emptyList();
  }

  private MockResponse copy() {
    MockResponse c = new MockResponse(status, "", body, chunked);
    c.headers = headers;
    c.sse = sse;
    c.closeDelimited = closeDelimited;
    c.raw = raw;
    c.throttleBytes = throttleBytes;
    c.throttleNanos = throttleNanos;
    c.eventDelayNanos = eventDelayNanos;
    c.faults = faults;
    return c;
  }

  /**
   * A response written byte for byte as given (ISO-8859-1), head included, past the server's
   * HTTP encoder, after which the server closes the connection: for what no encoder writes (a
   * header line without a colon, broken chunk framing). See {@link #raw(byte[])}.
   */
  public static MockResponse raw(String response) {
    return raw(response.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** 200 with a JSON body, such as a {@code chat.completion}; {@code Content-Length} framed. */
  public static MockResponse json(String json) {
    return new MockResponse(200, "application/json", utf8(json), false);
  }

  /** An error status with a JSON body, such as {@code {"error":{"message":...}}}. */
  public static MockResponse error(int status, String json) {
    return json(json).status(status);
  }

  /**
   * 200 with {@code text/event-stream}: one event per string ({@code data: <line>} per line of
   * it, then a blank line), followed by {@code data: [DONE]}; chunked transfer coding.
   */
  public static MockResponse sse(String... eventData) {
    return sse(Arrays.asList(eventData));
  }

  /** Like {@link #sse(String...)}. */
  public static MockResponse sse(List<String> eventData) {
    SseEvents events = new SseEvents(eventData, true);
    MockResponse r = new MockResponse(200, "text/event-stream", events.body(), true);
    r.sse = events;
    return r.header("Cache-Control", "no-cache");
  }

  /** 200 with these bytes as the body ({@code application/octet-stream}). */
  public static MockResponse body(byte[] bytes) {
    return new MockResponse(
        200, "application/octet-stream", BodySource.of(bytes.clone()), false);
  }

  /** 200 with this UTF-8 text as the body ({@code text/plain}), e.g. a hand-written SSE stream. */
  public static MockResponse body(String text) {
    return new MockResponse(200, "text/plain; charset=utf-8", utf8(text), false);
  }

  /**
   * 200 with a generated body of {@code length} bytes, byte {@code i} being {@link
   * #patternByte(long) patternByte(i)}; costs no heap however long it is.
   */
  public static MockResponse patterned(long length) {
    if (length < 0) throw new IllegalArgumentException("negative length: " + length);
    return new MockResponse(
        200, "application/octet-stream", BodySource.pattern(length), false);
  }

  /** Byte {@code index} of a {@link #patterned(long)} body. */
  public static byte patternByte(long index) {
    return Patterns.byteAt(index);
  }

  /**
   * A response written byte for byte as given, status line and header fields included, without
   * Netty's HTTP encoder: for heads no encoder would write (a header line without {@code :}, a
   * header larger than any client accepts, a status line with garbage). Faults and pacing count
   * from the first of these bytes; the connection closes after the last. HTTP/1.1 only.
   */
  public static MockResponse raw(byte[] bytes) {
    MockResponse r = new MockResponse(200, "", BodySource.of(bytes.clone()), false);
    r.raw = true;
    return r;
  }

  /**
   * A raw response of {@code length} bytes: {@code prefix}, then {@code unit} over and over, such
   * as a status line followed by header lines that never end; costs no heap however long it is.
   */
  public static MockResponse raw(String prefix, String unit, long length) {
    MockResponse r = new MockResponse(200, "", BodySource.repeating(
        prefix.getBytes(StandardCharsets.ISO_8859_1), unit.getBytes(StandardCharsets.ISO_8859_1),
        length), false);
    r.raw = true;
    return r;
  }

  /** This response with another status code. */
  public MockResponse status(int code) {
    if (code < 100 || code > 999) throw new IllegalArgumentException("status: " + code);
    MockResponse c = copy();
    c.status = code;
    return c;
  }

  /** This response with {@code name} set to {@code value}, replacing its fields of that name. */
  public MockResponse header(String name, String value) {
    MockResponse c = copy();
    List<String> list = new ArrayList<>(headers.size() + 2);
    for (int i = 0; i < headers.size(); i += 2) {
      if (!headers.get(i).equalsIgnoreCase(name)) {
        list.add(headers.get(i));
        list.add(headers.get(i + 1));
      }
    }
    list.add(name);
    list.add(value);
    c.headers = Collections.unmodifiableList(list);
    return c;
  }

  /** This response with one more {@code name} field, keeping the others (repeated fields). */
  public MockResponse addHeader(String name, String value) {
    MockResponse c = copy();
    List<String> list = new ArrayList<>(headers);
    list.add(name);
    list.add(value);
    c.headers = Collections.unmodifiableList(list);
    return c;
  }

  /** Over HTTP/1.1, frames the body with chunked transfer coding instead of Content-Length. */
  public MockResponse chunked() {
    MockResponse c = copy();
    c.chunked = true;
    return c;
  }

  /**
   * Over HTTP/1.1, sends the body without length framing (neither {@code Content-Length} nor
   * chunked coding) and with {@code Connection: close}: the body ends when the server closes the
   * connection, so a close at any point looks like a clean end to a client that does not check.
   */
  public MockResponse closeDelimited() {
    MockResponse c = copy();
    c.closeDelimited = true;
    return c;
  }

  /** An SSE response without the final {@code data: [DONE]} event. */
  public MockResponse withoutDone() {
    SseEvents events = requireSse("withoutDone");
    MockResponse c = copy();
    c.sse = new SseEvents(events.data, false);
    c.body = c.sse.body();
    return c;
  }

  /** Waits {@code delay} before each SSE event after the first. */
  public MockResponse eventDelay(Duration delay) {
    requireSse("eventDelay");
    MockResponse c = copy();
    c.eventDelayNanos = delay.toNanos();
    return c;
  }

  /** Writes at most {@code bytes} body bytes, then pauses {@code period}, and so on. */
  public MockResponse throttle(long bytes, Duration period) {
    if (bytes <= 0) throw new IllegalArgumentException("bytes <= 0: " + bytes);
    MockResponse c = copy();
    c.throttleBytes = bytes;
    c.throttleNanos = period.toNanos();
    return c;
  }

  /** Writes and flushes the body one byte at a time. */
  public MockResponse drip() {
    return throttle(1, Duration.ZERO);
  }

  /** Applies {@code fault} before the status line: e.g. a close with no response at all. */
  public MockResponse faultBeforeHeaders(Fault fault) {
    return place(new Placed(Placed.BEFORE_HEADERS, Action.BEFORE_HEADERS, fault));
  }

  /** Applies {@code fault} after {@code offset} body bytes. */
  public MockResponse faultAtByte(long offset, Fault fault) {
    if (offset < 0) throw new IllegalArgumentException("negative offset: " + offset);
    return place(new Placed(Placed.AT_BYTE, offset, fault));
  }

  /**
   * Applies {@code fault} before SSE event {@code index} (0-based; {@code data: [DONE]} counts as
   * the last event; the event count means after all of them).
   */
  public MockResponse faultAtEvent(int index, Fault fault) {
    requireSse("faultAtEvent");
    return place(new Placed(Placed.AT_EVENT, index, fault));
  }

  /** Writes the first half of SSE event {@code index}, then closes the connection. */
  public MockResponse truncateEvent(int index) {
    requireSse("truncateEvent");
    return place(new Placed(Placed.IN_EVENT, index, Fault.close()));
  }

  private MockResponse place(Placed fault) {
    MockResponse c = copy();
    List<Placed> list = new ArrayList<>(faults);
    list.add(fault);
    c.faults = Collections.unmodifiableList(list);
    return c;
  }

  private SseEvents requireSse(String method) {
    SseEvents events = sse;
    if (events == null) throw new IllegalStateException(method + " needs an SSE response");
    return events;
  }

  private static BodySource utf8(String text) {
    return BodySource.of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What the server runs; faults and pacing resolved to body offsets. */
  ResponseScript script() {
    List<Action> actions = new ArrayList<>();
    for (Placed placed : faults) {
      actions.add(placed.fault.at(placed.offset(sse)));
    }
    SseEvents events = sse;
    if (events != null && eventDelayNanos > 0) {
      for (int i = 1; i < events.count(); i++) {
        actions.add(Action.stall(events.start(i), eventDelayNanos));
      }
    }
    return new ResponseScript(
        status, headers, body, actions, chunked, throttleBytes, throttleNanos, closeDelimited, raw);
  }

  @Override
  public String toString() {
    return "MockResponse{" + status + ", " + body.length() + " body bytes"
        + (sse == null ? "" : ", " + sse.count() + " events")
        + (faults.isEmpty() ? "" : ", " + faults.size() + " fault(s)") + '}';
  }

  /** A fault and where it goes, resolved against the events once the script is built. */
  private static final class Placed {
    static final int BEFORE_HEADERS = 0;
    static final int AT_BYTE = 1;
    static final int AT_EVENT = 2;
    static final int IN_EVENT = 3;

    final int where;
    final long position;
    final Fault fault;

    Placed(int where, long position, Fault fault) {
      this.where = where;
      this.position = position;
      this.fault = fault;
    }

    long offset(@Nullable SseEvents events) {
      if (where == BEFORE_HEADERS || where == AT_BYTE) return position;
      int index = (int) position;
      if (events == null || index < 0 || index > events.count()
          || (where == IN_EVENT && index == events.count())) {
        throw new IllegalArgumentException("no SSE event " + index);
      }
      return where == AT_EVENT ? events.start(index) : events.start(index) + events.length(index) / 2;
    }
  }
}
