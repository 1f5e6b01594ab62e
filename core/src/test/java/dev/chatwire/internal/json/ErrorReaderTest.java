package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.error.ApiError;
import dev.chatwire.json.ChatJson;
import dev.chatwire.model.ChatCompletionChunk;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ErrorReaderTest {
  private static final byte[] EVENT = "{}".getBytes(StandardCharsets.UTF_8);

  private static ApiError read(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return ErrorReader.read(b, 0, b.length, UnaryOperator.identity());
  }

  private static ApiError fromChunk(ChatCompletionChunk chunk) {
    return ErrorReader.fromChunk(chunk, EVENT, 0, EVENT.length, UnaryOperator.identity());
  }

  @Test
  void nestedOpenAiErrorGivesMessageTypeCodeAndParam() {
    ApiError e = read("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":"
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
    ApiError e = read("{\"error\":{\"message\":\"filtered\",\"type\":null,\"param\":\"prompt\","
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
    ApiError e = read("{\"object\":\"error\",\"message\":\"bad\",\"type\":\"BadRequestError\","
        + "\"param\":null,\"code\":400}");
    assertThat(e.getMessage()).isEqualTo("bad");
    assertThat(e.getType()).isEqualTo("BadRequestError");
    assertThat(e.getCode()).isEqualTo("400");
    assertThat(e.getBody()).startsWith("{\"object\":\"error\"");
    assertThat(read("{\"object\":\"error\",\"message\":\"m\",\"code\":\"x\"}").getCode()).isEqualTo("x");
  }

  @Test
  void errorThatIsOnlyAStringIsTheMessage() {
    ApiError e = read("{\"error\":\"model 'x' not found\"}");
    assertThat(e.getMessage()).isEqualTo("model 'x' not found");
    assertThat(e.getBody()).isEqualTo("{\"error\":\"model 'x' not found\"}");
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
  void theCallersKeyIsMaskedInEveryFieldExtraAndTheBody() {
    String json = "{\"error\":{\"message\":\"key K-1 invalid\",\"code\":\"K-1\",\"type\":\"K-1\","
        + "\"param\":\"K-1\",\"echo\":\"K-1\"}}";
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ApiError e = ErrorReader.read(b, 0, b.length, t -> t.replace("K-1", "***"));
    assertThat(e.getMessage()).isEqualTo("key *** invalid");
    assertThat(e.getCode()).isEqualTo("***");
    assertThat(e.getType()).isEqualTo("***");
    assertThat(e.getParam()).isEqualTo("***");
    assertThat(e.getExtras()).containsEntry("echo", "\"***\"");
    assertThat(e.getBody()).doesNotContain("K-1");
  }

  @Test
  void chunkWithNestedErrorIsRecognized() {
    ChatCompletionChunk chunk = ChatJson.readChunk("{\"id\":\"gen-1\",\"error\":{\"code\":400,"
        + "\"message\":\"Token limit reached\"},\"choices\":[{\"index\":0,\"delta\":{}}]}");
    ApiError e = fromChunk(chunk);
    assertThat(e.getCode()).isEqualTo("400");
    assertThat(e.getMessage()).isEqualTo("Token limit reached");
  }

  @Test
  void chunkWithVllmFlatErrorIsRecognized() {
    ChatCompletionChunk chunk = ChatJson.readChunk("{\"object\":\"error\",\"message\":\"oops\","
        + "\"type\":\"InternalServerError\",\"param\":null,\"code\":500}");
    ApiError e = fromChunk(chunk);
    assertThat(e.getMessage()).isEqualTo("oops");
    assertThat(e.getType()).isEqualTo("InternalServerError");
    assertThat(e.getCode()).isEqualTo("500");
    assertThat(e.getBody()).isEqualTo("{}");
  }

  @Test
  void ordinaryChunkIsNotAnError() {
    assertThat(fromChunk(ChatJson.readChunk("{\"id\":\"a\",\"choices\":[]}"))).isNull();
    assertThat(fromChunk(ChatJson.readChunk("{\"error\":null,\"choices\":[]}"))).isNull();
  }
}
