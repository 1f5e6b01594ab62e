package dev.chatwire.cli;

import dev.chatwire.internal.Secrets;
import java.io.PrintStream;
import org.jspecify.annotations.Nullable;

/**
 * The two output streams: the answer on {@code out}; errors ({@code chatwire: ...}) and
 * {@code --verbose} lines on {@code err}, with the API key masked wherever a line might hold it.
 */
final class Terminal {
  final PrintStream out;
  private final PrintStream err;
  private final @Nullable String key;
  private boolean atLineStart = true;

  Terminal(PrintStream out, PrintStream err, @Nullable String key) {
    this.out = out;
    this.err = err;
    this.key = key == null || key.length() < 4 ? null : key;
  }

  /** Prints answer text as it arrives, flushed at once. */
  void text(String text) {
    if (text.isEmpty()) return;
    out.print(text);
    out.flush();
    atLineStart = text.charAt(text.length() - 1) == '\n';
  }

  /** Ends the answer's last line if text left it open. */
  void endLine() {
    if (!atLineStart) out.println();
    atLineStart = true;
    out.flush();
  }

  /** A message for a person: {@code chatwire: line} on standard error. */
  void error(String line) {
    err.println("chatwire: " + mask(line));
    err.flush();
  }

  /** A {@code --verbose} or {@code --usage} line on standard error. */
  void info(String line) {
    err.println(mask(line));
    err.flush();
  }

  /** The key, then whatever looks like a credential ({@code Bearer ...}, {@code sk-...}), masked. */
  private String mask(String line) {
    return Secrets.redact(key == null ? line : line.replace(key, "██"));
  }
}
