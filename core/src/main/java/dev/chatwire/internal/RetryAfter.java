package dev.chatwire.internal;

import dev.chatwire.transport.Headers;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The delay a server asks for before a retry: {@code retry-after-ms} (OpenAI, Azure) first, then
 * {@code retry-after} as seconds or an HTTP date.
 */
public final class RetryAfter {
  private RetryAfter() {}

  /** The delay asked for in nanoseconds, or null when the server asked for none usable. */
  public static @Nullable Long nanos(Headers headers, long nowEpochMillis) {
    String ms = headers.get("retry-after-ms");
    if (ms != null) {
      try {
        double v = Double.parseDouble(ms.trim());
        if (v >= 0 && !Double.isNaN(v)) return (long) Math.min(v * 1_000_000L, Long.MAX_VALUE);
      } catch (NumberFormatException ignored) {
        // fall through to retry-after
      }
    }
    String after = headers.get("retry-after");
    if (after == null) return null;
    String v = after.trim();
    try {
      double seconds = Double.parseDouble(v);
      if (seconds >= 0 && !Double.isNaN(seconds)) {
        return (long) Math.min(seconds * 1_000_000_000L, Long.MAX_VALUE);
      }
      return null;
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return TimeUnit.MILLISECONDS.toNanos(Math.max(0, at - nowEpochMillis));
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }
}
