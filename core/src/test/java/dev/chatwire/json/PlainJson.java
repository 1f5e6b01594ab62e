package dev.chatwire.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The oracle: Jackson's streaming parser reading a whole JSON text into the plain-Java shape
 * {@link PartialJson#value()} promises (Long, else BigInteger; BigDecimal for fractions and
 * exponents; Java null for JSON null).
 */
final class PlainJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlainJson() {}

  /** The value of {@code text}; throws when Jackson rejects it or more than one value follows. */
  static @Nullable Object parse(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) throw new IOException("no value");
      Object v = read(p);
      if (p.nextToken() != null) throw new IOException("more than one value");
      return v;
    }
  }

  /** {@link #parse}, for text known to be valid. */
  static @Nullable Object valid(String text) {
    try {
      return parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether Jackson accepts {@code text} as exactly one JSON value. */
  static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static @Nullable Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      case START_ARRAY:
        List<@Nullable Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) list.add(read(p));
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected " + t);
    }
  }
}
