package dev.chatwire.cli;

import java.time.Duration;
import java.util.Locale;

/** Durations as people type them: {@code 30s}, {@code 500ms}, {@code 2m}, {@code 10}. */
final class Durations {
  private Durations() {}

  /** Parses {@code text}; a bare number is seconds. */
  static Duration parse(String option, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unitNanos;
    String number;
    if (t.endsWith("ms")) {
      unitNanos = 1_000_000L;
      number = t.substring(0, t.length() - 2);
    } else if (t.endsWith("s")) {
      unitNanos = 1_000_000_000L;
      number = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      unitNanos = 60_000_000_000L;
      number = t.substring(0, t.length() - 1);
    } else if (t.endsWith("h")) {
      unitNanos = 3_600_000_000_000L;
      number = t.substring(0, t.length() - 1);
    } else {
      unitNanos = 1_000_000_000L;
      number = t;
    }
    double value;
    try {
      value = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " expects a duration such as 30s, 500ms or 2m, got '"
          + text + "'");
    }
    if (!(value > 0) || Double.isInfinite(value) || value * unitNanos > Long.MAX_VALUE) {
      throw new UsageException(option + " must be a positive duration, got '" + text + "'");
    }
    return Duration.ofNanos(Math.round(value * unitNanos));
  }

  /** {@code 2s}, {@code 1.5s}, {@code 500ms}, {@code 2m}: the way a person would have typed it. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) return ms + "ms";
    if (ms % 60_000 == 0) return ms / 60_000 + "m";
    if (ms % 1000 == 0) return ms / 1000 + "s";
    return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
  }
}
