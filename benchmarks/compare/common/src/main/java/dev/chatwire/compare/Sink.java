package dev.chatwire.compare;

/** What a client under test reports of one stream: tokens as they arrive, then the end. */
public interface Sink {
  /** A content delta, the moment the client hands it to its caller. */
  void token(String text);

  /** The finish reason of the choice. */
  void finish(String reason);

  /** The usage of the stream. */
  void usage(long promptTokens, long completionTokens, long totalTokens);
}
