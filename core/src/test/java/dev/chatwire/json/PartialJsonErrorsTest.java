package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.error.DecodeException;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text that is not the prefix of a JSON value: a {@link DecodeException} at the first bad
 * character, whole or one character at a time, never another exception; and a differential fuzz
 * against Jackson over mutated documents.
 */
class PartialJsonErrorsTest {
  /** The exception, or null when {@code text} read one character at a time is a valid prefix. */
  private static @Nullable DecodeException readByChar(String text) {
    PartialJson json = new PartialJson();
    try {
      for (int i = 0; i < text.length(); i++) json.append(text.substring(i, i + 1));
      return null;
    } catch (DecodeException e) {
      return e;
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "{\"a\" 1}|5|$.a",
    "[1,]|3|$[1]",
    "{,}|1|$",
    "[01]|2|$[0]",
    "[\"\\x\"]|3|$[0]",
    "\"a\\u12g4\"|6|$",
    "tru e|3|$",
    "{\"a\":1}}|7|$",
    "[1 2]|3|$[1]",
    "{\"a\":1,}|7|$",
    "]|0|$",
    "-a|1|$",
    "[1.e5]|3|$[0]",
    "nul1|3|$",
    "{1:2}|1|$",
    "[+1]|1|$[0]",
    "{\"a\":[1,{\"b\":x|13|$.a[1].b",
  })
  void malformedTextFailsAtTheFirstBadCharacter(String text, int at, String path) {
    DecodeException whole = catchThrowableOfType(DecodeException.class, () -> new PartialJson().append(text));
    DecodeException byChar = readByChar(text);

    assertThat(whole).isNotNull();
    assertThat(whole.getProblem()).endsWith("(character " + at + ")");
    assertThat(whole.getByteOffset()).isEqualTo(at);
    assertThat(whole.getPath()).isEqualTo(path);
    assertThat(byChar).isNotNull();
    assertThat(byChar.getProblem()).isEqualTo(whole.getProblem());
  }

  @Test
  void aRawControlCharacterInAStringIsAnError() {
    assertThat(readByChar("[\"a\nb\"]")).isNotNull()
        .extracting(DecodeException::getByteOffset).isEqualTo(3L);
  }

  @Test
  void theByteOffsetCountsUtf8Bytes() {
    DecodeException e = readByChar("[\"é😀\" x");
    assertThat(e).isNotNull();
    assertThat(e.getProblem()).endsWith("(character 7)");
    assertThat(e.getByteOffset()).isEqualTo(2 + 2 + 4 + 2);
  }

  @Test
  void theMessageNeverEchoesTheInput() {
    DecodeException e = readByChar("{\"secret\": \"sk-abcdef\" oops}");
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("sk-abcdef").doesNotContain("oops");
  }

  @Test
  void afterAFailureEveryAppendFailsAndWhatWasReadStays() {
    PartialJson json = new PartialJson();
    json.append("[1, \"ab\"");
    assertThatThrownBy(() -> json.append(" x")).isInstanceOf(DecodeException.class);

    assertThatThrownBy(() -> json.append("]")).isInstanceOf(DecodeException.class);
    assertThat(json.closedText()).isEqualTo("[1, \"ab\"]");
  }

  @Test
  void nestingDeeperThanTheLimitIsAnError() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < PartialJson.MAX_DEPTH; i++) deep.append('[');
    PartialJson json = new PartialJson();
    json.append(deep);

    assertThatThrownBy(() -> json.append("[")).isInstanceOf(DecodeException.class)
        .hasMessageContaining("nesting deeper than 1000");
  }

  @Test
  void aNumberLongerThanTheLimitIsAnError() {
    StringBuilder big = new StringBuilder("[");
    for (int i = 0; i < 1001; i++) big.append('7');

    assertThat(readByChar(big.toString())).isNotNull()
        .extracting(DecodeException::getProblem).asString().contains("longer than 1000");
  }

  /**
   * Mutated documents (a character dropped, doubled, or replaced by a JSON-ish one): where
   * Jackson accepts the whole text, the reader ends complete with the same value; where the
   * reader throws, Jackson rejects too; nothing else is ever thrown.
   */
  @Test
  void mutatedDocumentsAgreeWithJackson() {
    String alphabet = "{}[],:\"\\ -+.eE0123456789tfnrulsa\u00e9\n";
    List<String> docs = JsonDocs.generated(23, 400);
    Random random = new Random(23);
    int rejected = 0;
    for (String doc : docs) {
      if (doc.isEmpty()) continue;
      StringBuilder m = new StringBuilder(doc);
      int at = random.nextInt(doc.length());
      switch (random.nextInt(3)) {
        case 0: m.deleteCharAt(at); break;
        case 1: m.insert(at, m.charAt(at)); break;
        default: m.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = m.toString();
      DecodeException failure = readByChar(text + " ");
      boolean valid = PlainJson.isValid(text);
      if (failure != null) {
        rejected++;
        assertThat(valid).as("Jackson accepts what the reader rejected: %s", text).isFalse();
      } else if (valid) {
        PartialJson json = new PartialJson();
        json.append(text + " ");
        assertThat(json.isComplete()).isTrue();
        assertThat(json.value()).isEqualTo(PlainJson.valid(text));
      }
    }
    assertThat(rejected).isGreaterThan(100);
  }

  /** Found by fuzzing: a bad character in the piece that finished a unicode escape. */
  @Test
  void aFailureInThePieceThatEndsAnEscapeKeepsAValidClosedText() {
    PartialJson reader = new PartialJson();
    reader.append("{\"city\": \"Par\\u0");
    assertThatThrownBy(() -> reader.append("0e9\u0000"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("control character");
    assertThat(reader.closedText()).isEqualTo("{\"city\": \"Par\\u00e9\"}");
    assertThat(reader.value()).isEqualTo(java.util.Collections.singletonMap("city", "Par\u00e9"));
  }
}
