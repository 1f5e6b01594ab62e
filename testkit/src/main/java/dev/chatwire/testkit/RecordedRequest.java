package dev.chatwire.testkit;

import dev.chatwire.testkit.internal.ExchangeRecord;
import dev.chatwire.transport.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A request as the {@link ChatServer} received it, and what became of its response: how many
 * body bytes the server managed to write, and whether the connection closed. Thread-safe; the
 * response observations change while the exchange runs.
 */
public final class RecordedRequest {
  private final ExchangeRecord record;

  RecordedRequest(ExchangeRecord record) {
    this.record = record;
  }

  /** The method, such as {@code POST}. */
  public String getMethod() {
    return record.method();
  }

  /** The request target as sent: path and query, such as {@code /v1/chat/completions?x=1}. */
  public String getTarget() {
    return record.target();
  }

  /** The path part of the target, without the query. */
  public String getPath() {
    String target = record.target();
    int query = target.indexOf('?');
    return query < 0 ? target : target.substring(0, query);
  }

  /**
   * The header fields as received; names compare case-insensitively. Over HTTP/2, {@code
   * :authority} appears as {@code host}.
   */
  public Headers getHeaders() {
    return record.headers();
  }

  /** The first value of header {@code name}, or null. */
  public @Nullable String getHeader(String name) {
    return record.headers().get(name);
  }

  /** A copy of the body bytes (empty when there was no body). */
  public byte[] getBody() {
    return record.body().clone();
  }

  /** The body decoded as UTF-8. */
  public String getBodyUtf8() {
    return new String(record.body(), StandardCharsets.UTF_8);
  }

  /** The body length in bytes. */
  public int getBodySize() {
    return record.body().length;
  }

  /** The negotiated protocol: {@code http/1.1} or {@code h2}. */
  public String getProtocol() {
    return record.protocol();
  }

  /** This request's position among all the server received, from 0. */
  public int getSequenceNumber() {
    return record.sequenceNumber();
  }

  /** Which connection carried it, numbered from 0 in order of acceptance. */
  public int getConnectionIndex() {
    return record.connectionIndex();
  }

  /**
   * Response body bytes the server has managed to write so far. The server writes only while
   * the connection (or HTTP/2 stream) is writable, so a client that stops reading stops this
   * count once the socket buffers are full.
   */
  public long getResponseBytesWritten() {
    return record.bytesWritten();
  }

  /** Waits up to {@code timeout} for the whole response to be written; true if it was. */
  public boolean awaitResponseWritten(Duration timeout) {
    return record.awaitWritten(timeout);
  }

  /**
   * Waits up to {@code timeout} for the connection (HTTP/1.1) or the stream (HTTP/2) that carries
   * this exchange to close, whoever closed it; true if it did.
   */
  public boolean awaitClosed(Duration timeout) {
    return record.awaitClosed(timeout);
  }

  @Override
  public String toString() {
    return "RecordedRequest{" + getMethod() + " " + getTarget() + " " + getProtocol() + ", "
        + getHeaders() + ", body=" + getBodySize() + " bytes}";
  }
}
