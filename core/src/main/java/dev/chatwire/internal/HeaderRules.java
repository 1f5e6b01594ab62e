package dev.chatwire.internal;

import dev.chatwire.transport.Headers;

/**
 * What a request header may hold: a name of RFC 9110 token characters and a value of visible
 * ASCII, space and tab. So no value (a key read from a file with its newline, a header passed
 * through from user input) can end the field and inject another, and every transport sends
 * exactly the bytes given: a character some transports refuse and others would cut to its low
 * byte (U+200B sent as 0x0B, a curly quote pasted with a key) fails the call before anything is
 * sent, on every transport alike. Messages name the header and the character, never the value.
 */
public final class HeaderRules {
  private HeaderRules() {}

  /** Checks every field of {@code headers}. */
  public static void check(Headers headers) {
    for (int i = 0; i < headers.size(); i++) check(headers.name(i), headers.value(i));
  }

  /** Checks one field; throws {@link IllegalArgumentException} when it cannot be sent. */
  public static void check(String name, String value) {
    if (name.isEmpty()) throw new IllegalArgumentException("empty header name");
    for (int i = 0; i < name.length(); i++) {
      if (!isTokenChar(name.charAt(i))) {
        throw new IllegalArgumentException(
            "header name has a forbidden character at index " + i);
      }
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && (c < 0x20 || c > 0x7E)) {
        throw new IllegalArgumentException(
            "the value of header " + name + " has a forbidden character ("
                + (c < 0x80 ? "0x" + Integer.toHexString(c) : String.format("U+%04X", (int) c))
                + ") at index " + i);
      }
    }
  }

  private static boolean isTokenChar(char c) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
