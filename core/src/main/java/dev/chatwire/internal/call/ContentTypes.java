package dev.chatwire.internal.call;

import dev.chatwire.transport.Headers;
import java.util.Locale;

/** What a response's {@code Content-Type} says its body is. */
final class ContentTypes {
  private ContentTypes() {}

  /** {@code application/json} or a {@code +json} type. */
  static boolean isJson(Headers headers) {
    String t = mediaType(headers);
    return t.equals("application/json") || t.endsWith("+json");
  }

  /** {@code text/event-stream}. */
  static boolean isEventStream(Headers headers) {
    return mediaType(headers).equals("text/event-stream");
  }

  /** The media type without parameters, lower case; empty when there is none. */
  static String mediaType(Headers headers) {
    String v = headers.get("content-type");
    if (v == null) return "";
    int semi = v.indexOf(';');
    return (semi < 0 ? v : v.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }
}
