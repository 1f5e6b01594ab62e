package dev.chatwire.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.error.DecodeException;
import dev.chatwire.json.PartialJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The partial-JSON reader on any text cut anywhere: {@link PartialJson#append} fails only with
 * {@link DecodeException}; after every piece it accepted, {@link PartialJson#closedText()} is
 * null or one valid JSON value and {@link PartialJson#value()} can be built; and it agrees with
 * Jackson: a text Jackson reads as exactly one value is accepted whole and its closed text is
 * that value, token for token (but for a number whose exponent no {@code BigDecimal} holds,
 * which Jackson reads as text and the reader refuses as out of range).
 *
 * <p>Input: byte 0 is the largest piece length (1 to 256 characters); the rest is the text, as
 * UTF-8.
 */
class PartialJsonFuzzTest {
  private static final JsonFactory JSON = new JsonFactory();

  @FuzzTest(maxDuration = "10m")
  void anyTextAtAnyCutIsReadOrRefusedWithDecodeException(byte[] input) {
    int piece = FuzzInput.control(input) + 1;
    String text = new String(FuzzInput.payload(input), StandardCharsets.UTF_8);
    PartialJson reader = new PartialJson();
    DecodeException refused = null;
    for (int at = 0; at < text.length() && refused == null; at += piece) {
      try {
        reader.append(text.substring(at, Math.min(text.length(), at + piece)));
      } catch (DecodeException e) {
        refused = e;
      }
      String closed = reader.closedText();
      if (closed != null) assertThat(oneValue(closed)).as("closed text %s", closed).isTrue();
      reader.value();
    }
    if (refused == null) {
      try {
        reader.append(" ");
      } catch (DecodeException e) {
        refused = e;
      }
    }
    if (refused != null && refused.getMessage().startsWith("a number out of range")) return;
    if (oneValue(text)) {
      assertThat(refused).as("refused a text Jackson reads").isNull();
      assertThat(reader.isComplete()).isTrue();
      assertThat(tokens(reader.closedText())).isEqualTo(tokens(text));
    }
  }

  /** Whether Jackson reads {@code text} as exactly one JSON value and nothing after it. */
  private static boolean oneValue(String text) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == null) return false;
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static String tokens(String text) {
    StringBuilder sb = new StringBuilder();
    try (JsonParser p = JSON.createParser(text)) {
      for (JsonToken t; (t = p.nextToken()) != null; ) sb.append(t).append(' ').append(p.getText()).append('\n');
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return sb.toString();
  }
}
