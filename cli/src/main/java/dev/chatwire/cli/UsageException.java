package dev.chatwire.cli;

/** A command line that cannot run: an unknown option, a missing or malformed value (exit 2). */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
