package dev.chatwire.internal.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON text as plain values for semantic comparison: objects become maps (member order does not
 * matter) without their {@code null} members, numbers become normalized decimals (so {@code 0}
 * equals {@code 0.0}).
 */
final class JsonTrees {
  private JsonTrees() {}

  static @Nullable Object parse(String json) {
    try (JsonParser p = JsonSupport.FACTORY.createParser(json)) {
      p.nextToken();
      Object value = value(p);
      if (p.nextToken() != null) throw new IllegalArgumentException("trailing content");
      return value;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static @Nullable Object value(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          Object v = value(p);
          if (v != null) map.put(name, v);
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p));
        return list;
      }
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        BigDecimal d = p.getDecimalValue().stripTrailingZeros();
        return d.signum() == 0 ? BigDecimal.ZERO : d;
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IllegalStateException("unexpected " + t);
    }
  }
}
