package dev.chatwire.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON text into plain maps, lists, strings, numbers and booleans for comparing two
 * documents by meaning: member order and formatting do not count, numbers compare by value, and
 * members whose value is {@code null} are dropped (an absent optional may come back as absent or
 * null).
 */
final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {}

  static @Nullable Object parse(String json) {
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      return read(p);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  private static @Nullable Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          Object value = read(p);
          if (value != null) map.put(name, value);
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p));
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return new BigDecimal(p.getBigIntegerValue()).stripTrailingZeros();
      case VALUE_NUMBER_FLOAT:
        return new BigDecimal(Double.toString(p.getDoubleValue())).stripTrailingZeros();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalArgumentException("unexpected token " + t);
    }
  }
}
