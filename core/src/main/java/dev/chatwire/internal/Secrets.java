package dev.chatwire.internal;

import dev.chatwire.transport.Headers;
import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place where text a user can see loses its secrets: every {@code ChatWireException}
 * message and cause chain, and every field of a provider's error, pass through {@link #redact}.
 *
 * <p>Two things are masked as {@code ██}: the keys this process has sent (remembered when a call
 * sends them, whatever they look like), and anything shaped like a credential ({@code Bearer
 * <token>}, {@code sk-…}, {@code gsk_…}, …). A credential a provider already masked ({@code
 * sk-abc1****wxyz}) stays as it is, readable, and punctuation after a key is never swallowed.
 */
public final class Secrets {
  private static final String MASK = "██";
  private static final int MIN_KEY_LENGTH = 8;
  private static final int REMEMBERED = 16;
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)(\\bBearer\\s+|\\b(?:sk|rk|pk|gsk|xai|key)[-_])([A-Za-z0-9._~+/=*\\-]+)");
  private static final String TRAILING = ".-_~+/=";

  private static volatile String[] keys = new String[0];

  private Secrets() {}

  /** Remembers a key a call is about to send, so that no message can show it later. */
  public static void remember(@Nullable String key) {
    if (key == null || key.length() < MIN_KEY_LENGTH) return;
    for (String k : keys) if (k.equals(key)) return; // the usual case: one key, call after call
    synchronized (Secrets.class) {
      String[] known = keys;
      for (String k : known) if (k.equals(key)) return;
      int keep = Math.min(known.length, REMEMBERED - 1);
      String[] next = new String[keep + 1];
      next[0] = key;
      System.arraycopy(known, 0, next, 1, keep);
      keys = next;
    }
  }

  /** {@code text} with every remembered key and every credential-shaped token masked. */
  public static String redact(String text) {
    String out = text;
    for (String k : keys) {
      if (out.contains(k)) out = out.replace(k, MASK);
    }
    Matcher m = CREDENTIAL.matcher(out);
    StringBuilder sb = null;
    int copied = 0;
    while (m.find()) {
      int start = m.start(2);
      int end = m.end(2);
      while (end > start && TRAILING.indexOf(out.charAt(end - 1)) >= 0) end--;
      if (end - start < 6 || out.indexOf('*', start) >= 0 && out.indexOf('*', start) < end) {
        continue; // too short to be a key, or masked already
      }
      if (sb == null) sb = new StringBuilder(out.length());
      sb.append(out, copied, start).append(MASK);
      copied = end;
    }
    return sb == null ? out : sb.append(out, copied, out.length()).toString();
  }

  /**
   * {@code uri} as text for a log or a message: its user info and the values of query parameters
   * named like credentials ({@code key}, {@code api_key}, {@code token}, ...: {@link
   * Headers#isSensitive}) masked, then {@link #redact}ed.
   */
  public static String redactUri(URI uri) {
    String text = uri.toString();
    String user = uri.getRawUserInfo();
    if (user != null) text = text.replace(user + "@", MASK + "@");
    String query = uri.getRawQuery();
    if (query != null) {
      StringBuilder masked = new StringBuilder(query.length());
      for (String pair : query.split("&", -1)) {
        if (masked.length() > 0) masked.append('&');
        int eq = pair.indexOf('=');
        masked.append(eq > 0 && Headers.isSensitive(pair.substring(0, eq))
            ? pair.substring(0, eq + 1) + MASK : pair);
      }
      text = text.replace("?" + query, "?" + masked);
    }
    return redact(text);
  }

  /** {@code text} redacted, or null. */
  public static @Nullable String redactOrNull(@Nullable String text) {
    return text == null ? null : redact(text);
  }

  /**
   * The cause to keep in an exception: {@code cause} itself unless a message in its chain shows a
   * secret, in which case a copy that names the original class, with the message redacted and
   * the same stack trace: an {@link IOException} for an I/O error, else a {@link
   * RuntimeException} (the exact type is lost only when keeping it would leak).
   */
  public static @Nullable Throwable sanitize(@Nullable Throwable cause) {
    if (cause == null || !leaks(cause)) return cause;
    String message = cause.getMessage();
    String text = cause.getClass().getName() + (message == null ? "" : ": " + redact(message));
    Throwable next = sanitize(cause.getCause() == cause ? null : cause.getCause());
    Throwable copy = cause instanceof IOException
        ? new IOException(text, next)
        : new RuntimeException(text, next);
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }

  private static boolean leaks(Throwable cause) {
    int depth = 0;
    for (Throwable t = cause; t != null && depth < 16; t = t.getCause(), depth++) {
      String m = t.getMessage();
      if (m != null && !redact(m).equals(m)) return true;
      if (t.getCause() == t) break;
    }
    return false;
  }
}
