package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorReaderTest {
  private static ErrorBody read(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return ErrorReader.read(b, 0, b.length);
  }

  @Test
  void nestedOpenAiErrorGivesMessageTypeCodeAndParam() {
    ErrorBody e = read("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":"
        + "\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}");
    assertThat(e.getMessage()).isEqualTo("Incorrect API key provided");
    assertThat(e.getType()).isEqualTo("invalid_request_error");
    assertThat(e.getParam()).isNull();
    assertThat(e.getCode()).isEqualTo("invalid_api_key");
    assertThat(e.getExtras()).isEmpty();
  }

  @Test
  void azureErrorKeepsInnerErrorAsExtra() {
    String inner = "{\"code\":\"ResponsibleAIPolicyViolation\",\"content_filter_result\":{}}";
    ErrorBody e = read("{\"error\":{\"message\":\"filtered\",\"type\":null,\"param\":\"prompt\","
        + "\"code\":\"content_filter\",\"status\":400,\"innererror\":" + inner + "}}");
    assertThat(e.getCode()).isEqualTo("content_filter");
    assertThat(e.getParam()).isEqualTo("prompt");
    assertThat(e.getType()).isNull();
    assertThat(e.getExtras()).containsEntry("innererror", inner).containsEntry("status", "400");
  }

  @Test
  void integerCodeBecomesText() {
    assertThat(read("{\"error\":{\"code\":429,\"message\":\"Rate limited\"}}").getCode())
        .isEqualTo("429");
  }

  @Test
  void vllmFlatErrorWithIntegerOrStringCode() {
    ErrorBody e = read("{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\","
        + "\"param\":null,\"code\":400}");
    assertThat(e.getMessage()).isEqualTo("bad");
    assertThat(e.getType()).isEqualTo("BadRequestError");
    assertThat(e.getCode()).isEqualTo("400");
    assertThat(e.getRaw()).startsWith("{\"object\":\"error\"");
    assertThat(read("{\"object\":\"error\",\"message\":\"m\",\"code\":\"x\"}").getCode()).isEqualTo("x");
  }

  @Test
  void errorThatIsOnlyAStringIsTheMessage() {
    ErrorBody e = read("{\"error\":\"model 'x' not found\"}");
    assertThat(e.getMessage()).isEqualTo("model 'x' not found");
    assertThat(e.getRaw()).isEqualTo("\"model 'x' not found\"");
  }

  @Test
  void fastApiDetailIsTheMessage() {
    assertThat(read("{\"detail\":\"Not Found\"}").getMessage()).isEqualTo("Not Found");
  }

  @Test
  void notJsonOrNotAnErrorGivesNull() {
    assertThat(read("<html>502 Bad Gateway</html>")).isNull();
    assertThat(read("")).isNull();
    assertThat(read("[1]")).isNull();
    assertThat(read("{\"id\":\"x\",\"choices\":[]}")).isNull();
    assertThat(read("{\"error\":null,\"choices\":[]}")).isNull();
  }

  @Test
  void toStringNamesOnlyTypeCodeAndParam() {
    assertThat(read("{\"error\":{\"message\":\"key sk-123 invalid\",\"code\":\"c\"}}").toString())
        .doesNotContain("sk-123").contains("code=c");
  }

  @Test
  void chunkWithNestedErrorIsRecognized() {
    ChatCompletionChunk chunk = ChatJson.readChunk("{\"id\":\"gen-1\",\"error\":{\"code\":400,"
        + "\"message\":\"Token limit reached\"},\"choices\":[{\"index\":0,\"delta\":{}}]}");
    ErrorBody e = ErrorReader.fromChunk(chunk);
    assertThat(e.getCode()).isEqualTo("400");
    assertThat(e.getMessage()).isEqualTo("Token limit reached");
  }

  @Test
  void chunkWithVllmFlatErrorIsRecognized() {
    ChatCompletionChunk chunk = ChatJson.readChunk("{\"object\":\"error\",\"message\":\"oops\","
        + "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}");
    ErrorBody e = ErrorReader.fromChunk(chunk);
    assertThat(e.getMessage()).isEqualTo("oops");
    assertThat(e.getType()).isEqualTo("InternalServerError");
    assertThat(e.getCode()).isEqualTo("500");
    assertThat(e.getRaw()).contains("\"object\":\"error\"", "\"message\":\"oops\"");
  }

  @Test
  void ordinaryChunkIsNotAnError() {
    assertThat(ErrorReader.fromChunk(ChatJson.readChunk("{\"id\":\"a\",\"choices\":[]}"))).isNull();
    assertThat(ErrorReader.fromChunk(ChatJson.readChunk("{\"error\":null,\"choices\":[]}"))).isNull();
  }
}
