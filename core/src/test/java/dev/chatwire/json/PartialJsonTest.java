package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a partial reader shows at the cuts that matter: open strings, pending names, numbers. */
class PartialJsonTest {
  private static PartialJson read(String... deltas) {
    PartialJson json = new PartialJson();
    for (String d : deltas) json.append(d);
    return json;
  }

  @Test
  void nothingReadGivesNull() {
    PartialJson json = read("  ");
    assertThat(json.closedText()).isNull();
    assertThat(json.value()).isNull();
    assertThat(json.isComplete()).isFalse();
  }

  @Test
  void openStringIsClosedAtTheCut() {
    PartialJson json = read("{\"city\": \"Par");
    assertThat(json.closedText()).isEqualTo("{\"city\": \"Par\"}");
    assertThat(json.value()).isEqualTo(Collections.singletonMap("city", "Par"));
  }

  @Test
  void danglingEscapeIsLeftOut() {
    assertThat(read("[\"a\\").closedText()).isEqualTo("[\"a\"]");
    assertThat(read("[\"a\\u00").closedText()).isEqualTo("[\"a\"]");
    assertThat(read("[\"a\\u00", "e9").value()).isEqualTo(Arrays.asList("aé"));
    assertThat(read("[\"a\\", "n").value()).isEqualTo(Arrays.asList("a\n"));
  }

  @Test
  void nameWithoutValueIsLeftOut() {
    assertThat(read("{\"a\": 1, \"b").closedText()).isEqualTo("{\"a\": 1}");
    assertThat(read("{\"a\": 1, \"b\"").closedText()).isEqualTo("{\"a\": 1}");
    assertThat(read("{\"a\": 1, \"b\" :").closedText()).isEqualTo("{\"a\": 1}");
    assertThat(read("{\"a\": 1,").closedText()).isEqualTo("{\"a\": 1}");
    assertThat(read("{").closedText()).isEqualTo("{}");
  }

  @Test
  void halfWrittenNumbersAndLiteralsAreLeftOut() {
    assertThat(read("[1, -").closedText()).isEqualTo("[1]");
    assertThat(read("[1, 2").closedText()).isEqualTo("[1]");
    assertThat(read("[1, 2e").closedText()).isEqualTo("[1]");
    assertThat(read("{\"ok\": tru").closedText()).isEqualTo("{}");
    assertThat(read("{\"ok\": true").value()).isEqualTo(Collections.singletonMap("ok", true));
    assertThat(read("12").closedText()).isNull();
    assertThat(read("12 ").value()).isEqualTo(12L);
  }

  @Test
  void openContainersAreKeptAndClosed() {
    PartialJson json = read("{\"a\": {\"b\": [1, {\"c\": \"x");
    assertThat(json.closedText()).isEqualTo("{\"a\": {\"b\": [1, {\"c\": \"x\"}]}}");
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("c", "x");
    assertThat(json.value()).isEqualTo(
        Collections.singletonMap("a", Collections.singletonMap("b", Arrays.asList(1L, c))));
  }

  @Test
  void numbersAreLongBigIntegerOrBigDecimal() {
    Object v = read("[0, -7, 12345678901234567890, 1.50, 2e3, -0.5E-2]").value();
    assertThat(v).isEqualTo(Arrays.asList(0L, -7L, new BigInteger("12345678901234567890"),
        new BigDecimal("1.50"), new BigDecimal("2e3"), new BigDecimal("-0.5E-2")));
  }

  @Test
  void jsonNullIsJavaNull() {
    PartialJson json = read("null");
    assertThat(json.isComplete()).isTrue();
    assertThat(json.value()).isNull();
    assertThat(json.closedText()).isEqualTo("null");
    assertThat(read("[null]").value()).isEqualTo(Arrays.asList((Object) null));
  }
}
