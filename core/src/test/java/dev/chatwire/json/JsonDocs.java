package dev.chatwire.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * JSON texts for the partial reader's tests: seeded random documents (nested objects and arrays,
 * strings with every escape, non-ASCII and surrogate pairs raw and escaped, numbers with
 * fractions and exponents, big integers, literals, whitespace anywhere) and realistic tool
 * arguments.
 */
final class JsonDocs {
  private static final String[] PIECES = {
    "a", "b", "Z", "7", " ", "city", "_", "-", "\"", "\\", "/", "\n", "\t", "\r", "\b", "\f",
    "\u0001", "\u001f", "é", "ü", "中文", "\u2028", "😀", "🎉", "\u007f", "{", "}", "[", "]", ":",
    ","
  };
  private static final String[] SPACE = {"", "", "", " ", "\n", "  ", "\t", "\r\n"};

  private JsonDocs() {}

  /** {@code count} random documents from {@code seed}, each an object or an array at the top. */
  static List<String> generated(long seed, int count) {
    Random random = new Random(seed);
    List<String> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      space(sb, random);
      if (i % 10 == 7) {
        string(sb, random); // a few top-level strings
      } else if (random.nextBoolean()) {
        object(sb, random, 0);
      } else {
        array(sb, random, 0);
      }
      space(sb, random);
      docs.add(sb.toString());
    }
    return docs;
  }

  /** Tool arguments as models write them. */
  static List<String> toolArguments() {
    List<String> docs = new ArrayList<>();
    docs.add("{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}");
    docs.add("{\"location\": \"Paris, France\", \"unit\": \"fahrenheit\"}");
    docs.add("{}");
    docs.add("{\"query\":\"best ramen in Tōkyō\",\"filters\":{\"open_now\":true,\"price\":[1,2],"
        + "\"rating_min\":4.5},\"limit\":10,\"cursor\":null}");
    docs.add("{\"code\":\"def add(a, b):\\n    return a + b\\n\\nprint(add(1, 2))\\n\","
        + "\"language\":\"python\",\"timeout_ms\":30000}");
    docs.add("{\"sql\":\"SELECT \\\"name\\\", count(*) FROM users WHERE created_at > "
        + "'2024-01-01' GROUP BY 1\",\"params\":[]}");
    docs.add("{\"to\":[\"ana@example.com\",\"bo@example.org\"],\"subject\":\"Re: Q3 \\u2014 "
        + "numbers\",\"body\":\"Hi all,\\n\\nsee attached \\ud83d\\udcc8.\\n\\u2014 C\"}");
    docs.add("{\"a\":2,\"b\":3.25e-2,\"c\":-17,\"d\":12345678901234567890123,\"e\":1E+3}");
    docs.add("{\"steps\":[{\"op\":\"move\",\"x\":-0.5,\"y\":10},{\"op\":\"draw\",\"path\":"
        + "[[0,0],[1,1],[2,4]],\"closed\":false}],\"style\":{\"color\":\"#ff0000\"}}");
    docs.add("{\"path\":\"C:\\\\Users\\\\me\\\\notes.txt\",\"url\":\"https:\\/\\/x.io\\/a?b=1\"}");
    docs.add("[{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Berlin\"}},"
        + "{\"name\":\"get_time\",\"arguments\":{\"tz\":\"Europe/Berlin\"}}]");
    return docs;
  }

  /** One document of about {@code size} characters: an object holding a list of records. */
  static String large(long seed, int size) {
    Random random = new Random(seed);
    StringBuilder sb = new StringBuilder(size + 256).append("{\"rows\": [");
    for (int i = 0; sb.length() < size; i++) {
      if (i > 0) sb.append(", ");
      sb.append("{\"id\": ").append(i).append(", \"title\": ");
      string(sb, random);
      sb.append(", \"score\": ").append(random.nextInt(1000)).append('.').append(random.nextInt(100))
          .append(", \"tags\": [\"a\", \"b\\n\"], \"ok\": ").append(random.nextBoolean()).append('}');
    }
    return sb.append("], \"total\": null}").toString();
  }

  private static void value(StringBuilder sb, Random r, int depth) {
    int kind = r.nextInt(depth >= 4 ? 6 : 8);
    switch (kind) {
      case 0: case 1: string(sb, r); break;
      case 2: case 3: number(sb, r); break;
      case 4: sb.append(r.nextBoolean() ? "true" : "false"); break;
      case 5: sb.append("null"); break;
      case 6: object(sb, r, depth + 1); break;
      default: array(sb, r, depth + 1);
    }
  }

  private static void object(StringBuilder sb, Random r, int depth) {
    sb.append('{');
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(',');
      space(sb, r);
      sb.append("\"k").append(i); // unique names; the rest of the name is random
      stringBody(sb, r, 4);
      sb.append('"');
      space(sb, r);
      sb.append(':');
      space(sb, r);
      value(sb, r, depth);
      space(sb, r);
    }
    sb.append('}');
  }

  private static void array(StringBuilder sb, Random r, int depth) {
    sb.append('[');
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(',');
      space(sb, r);
      value(sb, r, depth);
      space(sb, r);
    }
    sb.append(']');
  }

  private static void string(StringBuilder sb, Random r) {
    sb.append('"');
    stringBody(sb, r, 12);
    sb.append('"');
  }

  private static void stringBody(StringBuilder sb, Random r, int maxPieces) {
    int n = r.nextInt(maxPieces + 1);
    for (int i = 0; i < n; i++) {
      String piece = PIECES[r.nextInt(PIECES.length)];
      for (int k = 0; k < piece.length(); k++) escape(sb, piece.charAt(k), r);
    }
  }

  private static void escape(StringBuilder sb, char c, Random r) {
    switch (c) {
      case '"': sb.append("\\\""); return;
      case '\\': sb.append("\\\\"); return;
      case '\n': sb.append("\\n"); return;
      case '\t': sb.append("\\t"); return;
      case '\r': sb.append("\\r"); return;
      case '\b': sb.append("\\b"); return;
      case '\f': sb.append("\\f"); return;
      case '/': sb.append(r.nextBoolean() ? "\\/" : "/"); return;
      default:
        if (c < 0x20 || (c > 0x7e && r.nextBoolean())) {
          sb.append(String.format(r.nextBoolean() ? "\\u%04x" : "\\u%04X", (int) c));
        } else {
          sb.append(c);
        }
    }
  }

  private static void number(StringBuilder sb, Random r) {
    if (r.nextInt(4) == 0) sb.append('-');
    int digits = r.nextInt(10) == 0 ? 19 + r.nextInt(10) : 1 + r.nextInt(6);
    if (r.nextInt(5) == 0) {
      sb.append('0');
    } else {
      sb.append(1 + r.nextInt(9));
      for (int i = 1; i < digits; i++) sb.append(r.nextInt(10));
    }
    if (r.nextInt(3) == 0) {
      sb.append('.');
      for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) sb.append(r.nextInt(10));
    }
    if (r.nextInt(4) == 0) {
      sb.append(r.nextBoolean() ? 'e' : 'E');
      int sign = r.nextInt(3);
      if (sign == 1) sb.append('+');
      if (sign == 2) sb.append('-');
      for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) sb.append(r.nextInt(10));
    }
  }

  private static void space(StringBuilder sb, Random r) {
    sb.append(SPACE[r.nextInt(SPACE.length)]);
  }
}
