package dev.chatwire.sse;

import dev.chatwire.internal.sse.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what a decoder reports as readable lines, so failures show a plain diff. */
final class Recorder implements SseListener {
  final List<String> items = new ArrayList<>();

  @Override
  public void onEvent(String type, String lastEventId, byte[] data, int offset, int length) {
    if (Utf8.findInvalid(data, offset, offset + length) >= 0) {
      items.add("ill-formed UTF-8 handed over");
    }
    items.add(event(type, lastEventId, new String(data, offset, length, StandardCharsets.UTF_8)));
  }

  @Override
  public void onRetry(long reconnectionTimeMillis) {
    items.add(retry(reconnectionTimeMillis));
  }

  static String event(String type, String id, String data) {
    return "event type=" + quote(type) + " id=" + quote(id) + " data=" + quote(data);
  }

  static String retry(long millis) {
    return "retry " + millis;
  }

  /** Quotes a string with control characters, U+FEFF and non-ASCII line breaks escaped. */
  static String quote(String s) {
    if (s.length() > 200) {
      return "<" + s.length() + " chars, hash " + Integer.toHexString(s.hashCode()) + ">";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') sb.append("\\n");
      else if (c == '\r') sb.append("\\r");
      else if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20 || c == 0xFEFF || c == 0xFFFD || c == 0x2028) {
        sb.append(String.format("\\u%04X", (int) c));
      } else sb.append(c);
    }
    return sb.append('"').toString();
  }
}
