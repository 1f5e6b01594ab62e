package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.chatwire.error.DecodeException;
import dev.chatwire.internal.json.ChunkReader;
import dev.chatwire.internal.json.JsonSupport;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind is a {@link DecodeException} naming the problem, the path of the value
 * and its byte offset; the message never contains payload text (each case plants a secret).
 */
class BadInputTest {
  private static final String SECRET = "sk-proj-SECRETSECRET1234";
  private static final String DIGITS_300 = "7".repeat(300);

  /**
   * Cases: name, chunk JSON, expected path, the text whose first position is the expected byte
   * offset (null: any offset inside the input), and a fragment of the expected problem.
   */
  static Stream<Arguments> cases() {
    String s = SECRET;
    return Stream.of(
        Arguments.of("truncated", "{\"id\":\"" + s, "id", null, "end of"),
        Arguments.of("truncatedAfterMember", "{\"id\":\"" + s + "\",", "id", null,
            "end of"),
        Arguments.of("stringWhereInt", "{\"choices\":[{\"index\":\"" + s + "\"}]}",
            "choices[0].index", "\"" + s, "expected an integer but found a string"),
        Arguments.of("objectWhereString", "{\"id\":{\"k\":\"" + s + "\"}}", "id", "{\"k\"",
            "expected a string but found an object"),
        Arguments.of("numberWhereArray", "{\"x\":\"" + s + "\",\"choices\":5}", "choices", "5}",
            "expected an array but found an integer"),
        Arguments.of("choicesNotAnArray", "{\"choices\":{\"index\":0,\"z\":\"" + s + "\"}}",
            "choices", "{\"index\"", "expected an array but found an object"),
        Arguments.of("indexOverflowsInt", "{\"id\":\"" + s + "\",\"choices\":[{\"index\":2147483648}]}",
            "choices[0].index", "2147483648", "integer out of range"),
        Arguments.of("threeHundredDigitNumber", "{\"id\":\"" + s + "\",\"created\":" + DIGITS_300 + "}",
            "created", null, "exceeds a limit|integer out of range"),
        Arguments.of("hostileDeepNesting", "{\"id\":\"" + s + "\",\"x\":" + "[".repeat(10_000),
            "x" + "[0]".repeat(JsonSupport.MAX_NESTING_DEPTH - 1), null, "exceeds a limit"),
        Arguments.of("emptyInput", "", "$", null, "unexpected end of JSON input"),
        Arguments.of("whitespaceOnly", "  \n ", "$", null, "unexpected end of JSON input"),
        Arguments.of("trailingGarbage", "{\"id\":\"" + s + "\",\"choices\":[]} x", "$", null,
            "after the JSON document"),
        Arguments.of("secondDocument", "{\"choices\":[]}{\"id\":\"" + s + "\"}", "$", null,
            "after the JSON document"),
        Arguments.of("arrayRoot", "[\"" + s + "\"]", "$", "[", "expected an object but found an array"),
        Arguments.of("stringRoot", "\"" + s + "\"", "$", "\"", "expected an object but found a string"),
        Arguments.of("toolCallIndexWrongType", "{\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0},"
            + "{\"index\":\"" + s + "\"}]}}]}", "choices[0].delta.tool_calls[1].index", "\"" + s,
            "expected an integer"),
        Arguments.of("logprobNotANumber", "{\"choices\":[{\"delta\":{},\"logprobs\":{\"content\":"
            + "[{\"token\":\"a\",\"logprob\":\"" + s + "\"}]}}]}",
            "choices[0].logprobs.content[0].logprob", "\"" + s, "expected a number"),
        Arguments.of("bytesWithNull", "{\"id\":\"" + s + "\",\"choices\":[{\"logprobs\":{\"content\":"
            + "[{\"bytes\":[1,null]}]}}]}", "choices[0].logprobs.content[0].bytes[1]", "null]",
            "expected an integer but found null"),
        Arguments.of("tokenCountWithFraction", "{\"id\":\"" + s + "\",\"usage\":{\"total_tokens\":1.5}}",
            "usage.total_tokens", "1.5", "expected an integer but found a decimal number"),
        Arguments.of("stopReasonObject", "{\"choices\":[{\"stop_reason\":{\"s\":\"" + s + "\"}}]}",
            "choices[0].stop_reason", "{\"s\"", "expected a string or an integer"),
        Arguments.of("createdString", "{\"created\":\"" + s + "\"}", "created", "\"" + s,
            "expected a number"),
        Arguments.of("unquotedValue", "{\"id\":\"" + s + "\",\"model\":nope}", "model", null,
            "malformed JSON: unrecognized token"),
        Arguments.of("unterminatedStringInDelta", "{\"choices\":[{\"delta\":{\"content\":\"" + s,
            "choices[0].delta.content", null, "end of"),
        Arguments.of("deltaNotAnObject", "{\"choices\":[{\"delta\":\"" + s + "\"}]}",
            "choices[0].delta", "\"" + s, "expected an object but found a string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void chunkErrorNamesPathOffsetAndProblemWithoutPayload(
      String name, String json, String path, String offsetAt, String problem) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[payload.length + 20];
    System.arraycopy(payload, 0, buf, 9, payload.length); // not at the start of its array
    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> ChatJson.readChunk(buf, 9, payload.length, 4));
    assertThat(e).as(name).isNotNull();
    assertThat(e.getPath()).isEqualTo(path);
    assertThat(e.getEventIndex()).isEqualTo(4);
    if (offsetAt != null) {
      assertThat(e.getByteOffset()).isEqualTo(json.indexOf(offsetAt));
    } else {
      assertThat(e.getByteOffset()).isBetween(0L, (long) payload.length);
    }
    assertThat(e.getMessage()).containsAnyOf(problem.split("\\|")).contains(" in event 4")
        .contains("(byte offset " + e.getByteOffset() + ")")
        .doesNotContain(SECRET).doesNotContain("SECRET").doesNotContain("nope");
    if (!path.equals("$")) assertThat(e.getMessage()).contains(" at " + path);
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      assertThat(String.valueOf(c.getMessage())).doesNotContain(SECRET).doesNotContain("nope");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void streamReaderFailsTheSameWayAfterEarlierChunksAndThenRecovers(
      String name, String json, String path, String offsetAt, String problem) {
    ChunkReader reader = new ChunkReader();
    byte[] good = Samples.utf8("{\"id\":\"a\",\"x\":[1, {\"y\": 2}],\"choices\":[]}  ");
    reader.read(good, 0, good.length, 0);
    reader.read(good, 0, good.length, 1);
    byte[] payload = Samples.utf8(json);
    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> reader.read(payload, 0, payload.length, 2));
    assertThat(e).as(name).isNotNull();
    assertThat(e.getPath()).isEqualTo(path);
    assertThat(e.getEventIndex()).isEqualTo(2);
    if (offsetAt != null) {
      assertThat(e.getByteOffset()).isEqualTo(json.indexOf(offsetAt));
    } else {
      assertThat(e.getByteOffset()).isBetween(0L, (long) payload.length);
    }
    assertThat(e.getMessage()).containsAnyOf(problem.split("\\|")).doesNotContain(SECRET)
        .doesNotContain("nope");
    assertThat(reader.read(good, 0, good.length, 3).getId()).isEqualTo("a");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void completionReaderFailsTheSameWayOutsideAStream(
      String name, String json, String path, String offsetAt, String problem) {
    String completion = json.replace("\"delta\"", "\"message\"");
    DecodeException e = catchThrowableOfType(DecodeException.class,
        () -> ChatJson.readCompletion(completion));
    assertThat(e).as(name).isNotNull();
    assertThat(e.getPath()).isEqualTo(path.replace("delta", "message"));
    assertThat(e.getEventIndex()).isEqualTo(-1);
    assertThat(e.getMessage()).containsAnyOf(problem.split("\\|")).doesNotContain(SECRET)
        .doesNotContain(" in event");
  }

  @Test
  void hugeNumberInAnUnknownMemberFailsOneDocumentAndAStreamAlike() {
    // Jackson's non-blocking parser, which a stream reads with, does not apply the number-length
    // limit itself; ChatWire checks every number it passes, so both readers hold the same limit.
    String json = "{\"x\":[" + DIGITS_300 + "],\"choices\":[]}";
    assertThat(catchThrowableOfType(DecodeException.class, () -> ChatJson.readCompletion(json)))
        .hasMessageContaining("exceeds a limit");
    assertThat(catchThrowableOfType(DecodeException.class, () -> ChatJson.readChunk(json)))
        .hasMessageContaining("exceeds a limit");
    byte[] b = Samples.utf8(json);
    assertThat(catchThrowableOfType(DecodeException.class,
            () -> new ChunkReader().read(b, 0, b.length, 0)))
        .hasMessageContaining("exceeds a limit").hasMessageContaining("x[0]");
  }
}
