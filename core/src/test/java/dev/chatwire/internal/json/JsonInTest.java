package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.error.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonInTest {
  private static Map<String, String> rawMembers(String json, int pad) {
    byte[] src = json.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[src.length + 2 * pad];
    System.arraycopy(src, 0, buf, pad, src.length);
    JsonIn in = JsonIn.open(buf, pad, src.length, -1);
    in.next();
    in.requireObject();
    Map<String, String> out = new LinkedHashMap<>();
    for (String name; (name = in.nextField()) != null; ) out.put(name, in.raw());
    in.requireEnd();
    return out;
  }

  /** Members of every kind of value, and the exact source text each must be read as. */
  private static final String EVERY_KIND =
      "{\"a\": 1.70e9 ,\"b\":\"h\\u00e9\\\"llo ✓\",\"c\":{ \"x\" : [1, {\"y\":null}] },"
          + "\"d\":true,\"e\":null,\"f\":-0,\"g\":[]}";

  private static Map<String, String> everyKindRead() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("a", "1.70e9");
    expected.put("b", "\"h\\u00e9\\\"llo ✓\"");
    expected.put("c", "{ \"x\" : [1, {\"y\":null}] }");
    expected.put("d", "true");
    expected.put("e", "null");
    expected.put("f", "-0");
    expected.put("g", "[]");
    return expected;
  }

  @Test
  void rawCapturesExactSourceTextOfEveryKindOfValue() {
    for (int pad : new int[] {0, 7}) {
      assertThat(rawMembers(EVERY_KIND, pad)).containsExactlyEntriesOf(everyKindRead());
    }
  }

  @Test
  void theStreamingReaderCapturesTheSameTextDocumentAfterDocument() {
    // The same members, then strings that end in escaped backslashes and quotes, an empty one and
    // a signed exponent: their starts are found back from their ends.
    String json = EVERY_KIND.substring(0, EVERY_KIND.length() - 1)
        + ",\"h\":\"\\\\\",\"i\":\"q\\\"\",\"j\":\"\\\\\\\"\\\\\",\"k\":\"\",\"l\":-1.5E+3}  ";
    Map<String, String> expected = everyKindRead();
    expected.put("h", "\"\\\\\"");
    expected.put("i", "\"q\\\"\"");
    expected.put("j", "\"\\\\\\\"\\\\\"");
    expected.put("k", "\"\"");
    expected.put("l", "-1.5E+3");
    byte[] src = json.getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.reusable();
    for (int pad : new int[] {0, 7, 3}) {
      byte[] buf = new byte[src.length + 2 * pad];
      System.arraycopy(src, 0, buf, pad, src.length);
      in.feed(buf, pad, src.length, pad);
      in.next();
      in.requireObject();
      Map<String, String> out = new LinkedHashMap<>();
      for (String name; (name = in.nextField()) != null; ) out.put(name, in.raw());
      in.requireEnd();
      assertThat(out).containsExactlyEntriesOf(expected);
    }
    in.close();
  }

  @Test
  void theStreamingReaderRefusesContentAfterTheDocument() {
    byte[] src = "{\"a\":1} x".getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.reusable();
    in.feed(src, 0, src.length, 0);
    in.next();
    in.requireObject();
    assertThat(in.nextField()).isEqualTo("a");
    assertThat(in.raw()).isEqualTo("1");
    assertThat(in.nextField()).isNull();
    assertThatThrownBy(in::requireEnd)
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unexpected content after the JSON document")
        .satisfies(e -> assertThat(((DecodeException) e).getByteOffset()).isEqualTo(8)); // the x
  }

  @Test
  void typeErrorNamesPathExpectationAndOffset() {
    byte[] b = "{\"choices\":[{\"delta\":{\"tool_calls\":[{},{\"index\":\"1\"}]}}]}"
        .getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.open(b, 0, b.length, 3);
    while (true) {
      in.next();
      if (in.token() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) break;
    }
    DecodeException e = in.typeError("an integer");
    assertThat(e.getPath()).isEqualTo("choices[0].delta.tool_calls[1].index");
    assertThat(e.getByteOffset()).isEqualTo(new String(b, StandardCharsets.UTF_8).indexOf("\"1\""));
    assertThat(e.getEventIndex()).isEqualTo(3);
    assertThat(e.getMessage())
        .isEqualTo("expected an integer but found a string at choices[0].delta.tool_calls[1].index"
            + " (byte offset 48) in event 3");
  }

  @Test
  void deepNestingIsATypedErrorNotAStackOverflow() {
    String deep = "[".repeat(10_000);
    byte[] b = deep.getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.open(b, 0, b.length, -1);
    assertThatThrownBy(() -> { while (true) in.next(); })
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("exceeds a limit");
  }

  @Test
  void truncatedInputIsATypedErrorWithoutPayload() {
    byte[] b = "{\"secret\":\"sk-abc".getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.open(b, 0, b.length, -1);
    in.next();
    assertThatThrownBy(() -> { in.nextField(); in.raw(); })
        .isInstanceOf(DecodeException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-abc"));
  }
}
