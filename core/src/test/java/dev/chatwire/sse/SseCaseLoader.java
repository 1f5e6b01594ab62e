package dev.chatwire.sse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads the conformance cases in {@code src/test/resources/sse/*.json}.
 *
 * <p>A case's {@code input} is a string (sent as UTF-8) or an array of parts: strings, {@code
 * {"hex": "EF BB"}} for raw bytes (invalid UTF-8 included), and {@code {"repeat": "x", "count":
 * 2048}}. With {@code "partsAreChunks": true} each part was one read upstream. {@code expect} lists
 * {@code {"data", "type" (default "message"), "id" (default "")}} events and {@code {"retry": n}}
 * in order.
 */
final class SseCaseLoader {
  private SseCaseLoader() {}

  static List<SseCase> load(String file) {
    try (InputStream in = SseCaseLoader.class.getResourceAsStream("/sse/" + file)) {
      if (in == null) throw new IllegalArgumentException("no test resource sse/" + file);
      JsonParser parser = new JsonFactory().createParser(in);
      parser.nextToken();
      Map<?, ?> root = (Map<?, ?>) read(parser);
      List<SseCase> cases = new ArrayList<>();
      for (Object c : (List<?>) root.get("cases")) cases.add(toCase(file, (Map<?, ?>) c));
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SseCase toCase(String file, Map<?, ?> c) {
    String name = (String) c.get("name");
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    List<Integer> cuts = new ArrayList<>();
    Object in = c.get("input");
    for (Object part : in instanceof List ? (List<?>) in : List.of(in)) {
      if (input.size() > 0) cuts.add(input.size());
      writePart(input, part);
    }
    boolean partsAreChunks = Boolean.TRUE.equals(c.get("partsAreChunks"));
    int[] upstreamCuts =
        partsAreChunks ? cuts.stream().mapToInt(Integer::intValue).toArray() : new int[0];
    List<String> expected = new ArrayList<>();
    for (Object e : (List<?>) c.get("expect")) {
      Map<?, ?> item = (Map<?, ?>) e;
      if (item.containsKey("retry")) {
        expected.add(Recorder.retry(((Number) item.get("retry")).longValue()));
      } else {
        expected.add(
            Recorder.event(
                string(item, "type", "message"), string(item, "id", ""), string(item, "data", "")));
      }
    }
    byte[] bytes = input.toByteArray();
    boolean hasCr = false;
    for (byte b : bytes) hasCr |= b == '\r';
    Object variants = c.get("lineEndingVariants");
    Object max = c.get("maxEventSize");
    return new SseCase(
        file,
        name,
        bytes,
        upstreamCuts,
        expected,
        (String) c.get("lastEventId"),
        max == null ? SseDecoder.DEFAULT_MAX_EVENT_SIZE : ((Number) max).intValue(),
        variants == null ? !hasCr : (Boolean) variants);
  }

  private static void writePart(ByteArrayOutputStream out, Object part) {
    if (part instanceof String) {
      out.writeBytes(((String) part).getBytes(StandardCharsets.UTF_8));
      return;
    }
    Map<?, ?> m = (Map<?, ?>) part;
    if (m.containsKey("hex")) {
      for (String hex : ((String) m.get("hex")).trim().split("\\s+")) {
        out.write(Integer.parseInt(hex, 16));
      }
    } else {
      byte[] unit = ((String) m.get("repeat")).getBytes(StandardCharsets.UTF_8);
      int count = ((Number) m.get("count")).intValue();
      for (int i = 0; i < count; i++) out.writeBytes(unit);
    }
  }

  private static String string(Map<?, ?> map, String key, String absent) {
    Object v = map.get(key);
    return v == null ? absent : (String) v;
  }

  /** Reads the value at the current token into maps, lists, strings, numbers and booleans. */
  private static @Nullable Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          p.nextToken();
          map.put(key, read(p));
        }
        return map;
      case START_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p));
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getLongValue();
      case VALUE_TRUE:
        return true;
      case VALUE_FALSE:
        return false;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t + " at " + p.currentLocation());
    }
  }
}
