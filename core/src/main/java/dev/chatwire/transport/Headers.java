package dev.chatwire.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Immutable HTTP header fields in their order of arrival; names compare case-insensitively.
 *
 * <p>{@link #toString()} redacts credentials ({@code Authorization}, {@code api-key}, cookies).
 *
 * <pre>{@code
 * Headers h = Headers.of("x-request-id", "req_123");
 * String id = h.get("X-Request-Id"); // "req_123"
 * }</pre>
 */
public final class Headers {
  /** No header fields. */
  public static final Headers EMPTY = new Headers(new String[0]);

  private final String[] namesAndValues;

  private Headers(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /** Headers from alternating names and values: {@code of("a", "1", "b", "2")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("expected alternating names and values");
    }
    for (String s : namesAndValues) {
      if (s == null) throw new NullPointerException("header name or value");
    }
    return namesAndValues.length == 0 ? EMPTY : new Headers(namesAndValues.clone());
  }

  /** Starts building headers. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts with these header fields. */
  public Builder toBuilder() {
    Builder b = new Builder();
    Collections.addAll(b.namesAndValues, namesAndValues);
    return b;
  }

  /** The number of header fields. */
  public int size() {
    return namesAndValues.length / 2;
  }

  /** The name of field {@code i}, as it was given. */
  public String name(int i) {
    return namesAndValues[2 * i];
  }

  /** The value of field {@code i}. */
  public String value(int i) {
    return namesAndValues[2 * i + 1];
  }

  /** The first value of {@code name}, compared case-insensitively, or null. */
  public @Nullable String get(String name) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i].equalsIgnoreCase(name)) return namesAndValues[i + 1];
    }
    return null;
  }

  /** Every value of {@code name}, compared case-insensitively, in order. */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>(1);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i].equalsIgnoreCase(name)) out.add(namesAndValues[i + 1]);
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Whether a header of this name carries a credential, so that logs and {@code toString} show
   * its value as {@code ██}: a name one of whose words (split at {@code -} and {@code _}) is
   * {@code authorization}, {@code auth}, {@code key}, {@code apikey}, {@code token}, {@code
   * secret}, {@code password}, {@code cookie}, {@code session}, {@code signature} or {@code
   * credential}: {@code Authorization}, {@code api-key}, {@code x-goog-api-key}, {@code
   * Ocp-Apim-Subscription-Key}, {@code X-Auth-Token}, {@code Set-Cookie}. Plural counters such as
   * {@code x-ratelimit-remaining-tokens} are not credentials and stay readable.
   */
  public static boolean isSensitive(String name) {
    int start = 0;
    int n = name.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || name.charAt(i) == '-' || name.charAt(i) == '_') {
        if (i > start && isCredentialWord(name, start, i)) return true;
        start = i + 1;
      }
    }
    return false;
  }

  private static final String[] CREDENTIAL_WORDS = {"authorization", "auth", "key", "apikey",
      "token", "secret", "password", "cookie", "session", "signature", "credential"};

  private static boolean isCredentialWord(String name, int from, int to) {
    for (String w : CREDENTIAL_WORDS) {
      if (w.length() == to - from && name.regionMatches(true, from, w, 0, w.length())) return true;
    }
    return false;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Headers
        && java.util.Arrays.equals(namesAndValues, ((Headers) o).namesAndValues);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(namesAndValues);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Headers{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (i > 0) sb.append(", ");
      sb.append(namesAndValues[i]).append(": ");
      sb.append(isSensitive(namesAndValues[i]) ? "██" : namesAndValues[i + 1]);
    }
    return sb.append('}').toString();
  }

  /**
   * Names and values that nearly every response of an OpenAI-compatible server carries, each kept
   * once: a field equal to one, character for character, is stored as the shared instance, so a
   * thousand open streams do not each hold their own copies of {@code Content-Type: text/event-stream}.
   */
  private static final class Common {
    private static final Map<String, String> SHARED = new HashMap<>();

    static {
      String[] names = {
          "content-type", "transfer-encoding", "connection", "date", "server", "cache-control",
          "vary", "content-encoding", "keep-alive", "x-request-id", "request-id", "apim-request-id",
          "openai-processing-ms", "openai-organization", "openai-project", "openai-version",
          "x-ratelimit-limit-requests", "x-ratelimit-limit-tokens",
          "x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens",
          "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens", "x-envoy-upstream-service-time",
          "strict-transport-security", "x-content-type-options", "alt-svc", "cf-ray",
          "cf-cache-status", "set-cookie", "access-control-allow-origin",
          "access-control-expose-headers", "x-groq-region", "x-should-retry", "retry-after"};
      for (String name : names) {
        SHARED.put(name, name);
        String title = title(name);
        SHARED.put(title, title);
      }
      String[] values = {
          "text/event-stream", "text/event-stream; charset=utf-8", "text/event-stream;charset=utf-8",
          "application/json", "application/json; charset=utf-8", "chunked", "keep-alive", "close",
          "no-cache", "no-cache, must-revalidate", "nosniff", "cloudflare", "DYNAMIC", "true",
          "false", "*", "Accept-Encoding", "gzip", "br", "h3=\":443\"; ma=86400",
          "max-age=31536000; includeSubDomains; preload", "2020-10-01", "uvicorn"};
      for (String value : values) SHARED.put(value, value);
    }

    private Common() {}

    /** {@code Content-Type} for {@code content-type}. */
    private static String title(String name) {
      char[] c = name.toCharArray();
      boolean start = true;
      for (int i = 0; i < c.length; i++) {
        if (start) c[i] = Character.toUpperCase(c[i]);
        start = c[i] == '-';
      }
      return new String(c);
    }

    static String shared(String s) {
      String kept = SHARED.get(s);
      return kept != null ? kept : s;
    }
  }

  /** Builds {@link Headers}; not thread-safe. */
  public static final class Builder {
    private final List<String> namesAndValues = new ArrayList<>();

    Builder() {}

    /** Adds a field, keeping any existing fields of the same name. */
    public Builder add(String name, String value) {
      if (name.isEmpty()) throw new IllegalArgumentException("empty header name");
      namesAndValues.add(Common.shared(name));
      namesAndValues.add(Common.shared(value));
      return this;
    }

    /** Replaces every field named {@code name} (case-insensitively) with one field. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every field named {@code name}, compared case-insensitively. */
    public Builder remove(String name) {
      for (int i = namesAndValues.size() - 2; i >= 0; i -= 2) {
        if (namesAndValues.get(i).equalsIgnoreCase(name)) {
          namesAndValues.remove(i + 1);
          namesAndValues.remove(i);
        }
      }
      return this;
    }

    /** The immutable headers. */
    public Headers build() {
      return namesAndValues.isEmpty()
          ? EMPTY
          : new Headers(namesAndValues.toArray(new String[0]));
    }
  }
}
