package dev.chatwire.testkit.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the server needs to write one response: status, header fields, body, the actions at
 * body offsets and the pacing. Immutable.
 */
public final class ResponseScript {
  final int status;
  final List<String> namesAndValues;
  final BodySource body;
  final List<Action> actions;
  final boolean chunked;
  /** No length framing: the body ends when the connection closes. */
  final boolean closeDelimited;
  final long throttleBytes;
  final long throttleNanos;
  /** The body is the whole response, status line and headers included, written as is. */
  final boolean raw;

  /**
   * A script; {@code actions} are sorted by offset (stable, so actions at one offset run in the
   * order given); {@code throttleBytes} 0 means unthrottled.
   */
  public ResponseScript(
      int status,
      List<String> namesAndValues,
      BodySource body,
      List<Action> actions,
      boolean chunked,
      long throttleBytes,
      long throttleNanos,
      boolean closeDelimited,
      boolean raw) {
    if (status < 100 || status > 999) throw new IllegalArgumentException("status: " + status);
    for (Action a : actions) {
      if (a.offset > body.length()) {
        throw new IllegalArgumentException(
            "action offset (" + a.offset + ") exceeds the body length (" + body.length() + ")");
      }
    }
    List<Action> sorted = new ArrayList<>(actions);
    sorted.sort(Comparator.comparingLong(Action::offset));
    this.status = status;
    this.namesAndValues = Collections.unmodifiableList(new ArrayList<>(namesAndValues));
    this.body = body;
    this.actions = Collections.unmodifiableList(sorted);
    this.chunked = chunked;
    this.closeDelimited = closeDelimited;
    this.throttleBytes = throttleBytes;
    this.throttleNanos = throttleNanos;
    this.raw = raw;
  }

  /** The response status code. */
  public int status() {
    return status;
  }

  /** The body length in bytes. */
  public long bodyLength() {
    return body.length();
  }
}
