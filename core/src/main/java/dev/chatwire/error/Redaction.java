package dev.chatwire.error;

import java.util.regex.Pattern;

/** Masks what looks like a credential in provider-supplied text before it reaches a message. */
final class Redaction {
  private static final Pattern SECRET =
      Pattern.compile("(?i)(\\bBearer\\s+|\\b(?:sk|rk|pk|gsk|xai|key)[-_])[A-Za-z0-9._\\-*]{6,}");

  private Redaction() {}

  static String redact(String text) {
    return SECRET.matcher(text).replaceAll("$1██");
  }
}
