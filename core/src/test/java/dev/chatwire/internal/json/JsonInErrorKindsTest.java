package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.error.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of malformed JSON gets its own words, from the one-document parser and from the
 * reusable one a stream uses alike. Jackson distinguishes most kinds only by its message, so
 * this pins them: if an upgrade rewords one, this fails instead of the kind becoming "syntax
 * error".
 */
class JsonInErrorKindsTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("{\"a\":nope}", "unrecognized token"),
        Arguments.of("{\"a\":tru}", "unrecognized token"),
        Arguments.of("{,}", "unexpected character"),
        Arguments.of("{\"a\" 1}", "unexpected character"),
        Arguments.of("{\"a\":[1,]}", "unexpected character"),
        Arguments.of("{\"a\":\"x\u0001\"}", "unescaped control character in a string"),
        Arguments.of("[1}", "unbalanced brackets"),
        Arguments.of("{\"a\":[1}}", "unbalanced brackets"),
        Arguments.of("{\"a\":1,", "end of"),
        Arguments.of("{\"a\":01}", "invalid number"),
        Arguments.of("{\"a\":NaN}", "invalid number"),
        Arguments.of("{\"a\":\"\\q\"}", "syntax error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneDocumentParser(String json, String kind) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    assertThat(failure(() -> readAll(JsonIn.open(b, 0, b.length, -1))).getMessage())
        .contains(kind);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reusableStreamParser(String json, String kind) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    JsonIn in = JsonIn.reusable();
    assertThat(failure(() -> {
      in.feed(b, 0, b.length, 3);
      readAll(in);
    }).getMessage()).contains(kind);
  }

  @org.junit.jupiter.api.Test
  void invalidUtf8InAStringIsNamed() {
    byte[] b = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};
    assertThat(failure(() -> readAll(JsonIn.open(b, 0, b.length, -1))).getMessage())
        .contains("malformed JSON: invalid UTF-8");
    JsonIn in = JsonIn.reusable();
    assertThat(failure(() -> {
      in.feed(b, 0, b.length, 3);
      readAll(in);
    }).getMessage()).contains("malformed JSON: invalid UTF-8");
  }

  @org.junit.jupiter.api.Test
  void aStringCutOffIsTheEndOfInput() {
    byte[] b = "{\"a\":\"unfinished".getBytes(StandardCharsets.UTF_8);
    assertThat(failure(() -> readAll(JsonIn.open(b, 0, b.length, -1))).getMessage())
        .contains("end of");
  }

  private static void readAll(JsonIn in) {
    in.next();
    in.skip();
    in.requireEnd();
  }

  private static DecodeException failure(Runnable read) {
    DecodeException e = catchThrowableOfType(DecodeException.class, read::run);
    assertThat(e).isNotNull();
    return e;
  }
}
