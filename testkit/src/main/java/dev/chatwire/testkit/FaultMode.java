package dev.chatwire.testkit;

/**
 * The fault modes of {@link FaultSoakContract}: what a hostile or broken server does to one
 * stream, each with the one outcome ChatWire promises for it. "The prefix" is the chunks sent
 * before the fault; a failure carries them as its partial completion (null when there were none).
 */
public enum FaultMode {
  /** A whole stream (chunked, Content-Length or close-delimited): the completion, its text. */
  CLEAN,
  /** A whole stream written one byte per flush: the completion, its text. */
  DRIP,
  /** TCP RST before the status line, on every attempt: {@code ConnectionException}, 3 requests. */
  RESET_BEFORE_HEADERS,
  /**
   * TCP RST between two events: {@code ConnectionException} with the prefix, or a shorter prefix
   * when the reset overtakes bytes the client had not read yet (RST discards them).
   */
  RESET_MID_BODY,
  /** Headers, then silence: {@code IdleTimeoutException}, no partial. */
  STALL_AFTER_HEADERS,
  /** Silence in the middle of an event: {@code IdleTimeoutException} with the prefix. */
  STALL_MID_EVENT,
  /** Chunked framing cut in the middle of an event: {@code ConnectionException} with the prefix. */
  TRUNCATE_FRAMED,
  /** A close-delimited body cut in the middle of an event: {@code TruncatedStreamException}. */
  TRUNCATE_UNFRAMED,
  /** An event whose data is cut-off JSON: {@code DecodeException} with the prefix. */
  MALFORMED_JSON,
  /** An event over the 1 MiB limit: {@code EventTooLargeException} with the prefix. */
  OVERSIZED_EVENT,
  /** An event whose data is random bytes (invalid UTF-8 included): {@code DecodeException}. */
  GARBAGE_BYTES,
  /**
   * {@code Content-Encoding: gzip} over bytes that are not gzip: a {@code ConnectionException}
   * (a transport that inflates fails reading; one that does not sees a body that never ends its
   * first line, a truncated stream), no partial.
   */
  CORRUPT_GZIP,
  /**
   * A status line, then header lines that keep coming and never end: {@code
   * ResponseTimeoutException}, no partial.
   */
  HEADERS_NEVER_END,
  /** A 512 KiB header field, more than any transport accepts: {@code ConnectionException}. */
  OVERSIZED_HEADER,
  /** A header line without {@code :}: {@code ConnectionException} at once, no partial. */
  MALFORMED_HEADER,
  /**
   * 429 or 5xx with {@code retry-after-ms} on 1, 2 or 3 attempts: the completion after the
   * retries, or, when every attempt failed, the API error of the status, no partial.
   */
  RETRY_AFTER,
  /**
   * A 307 to itself: not followed (a POST is never silently re-sent), one request, an {@code
   * ApiException} with status 307.
   */
  REDIRECT_LOOP,
  /** An error event after the prefix: {@code StreamErrorException} with the prefix. */
  ERROR_EVENT
}
