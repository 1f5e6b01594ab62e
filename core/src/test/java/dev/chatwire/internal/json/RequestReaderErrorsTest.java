package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatwire.error.DecodeException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad request bodies fail with a decode error naming the path and the problem. */
class RequestReaderErrorsTest {
  private static final String M = "{\"model\":\"m\",\"messages\":[";

  private static Arguments bad(String json, String path, String problem) {
    return Arguments.of(json.replace('\'', '"'), path, problem);
  }

  static Stream<Arguments> badBodies() {
    return Stream.of(
        bad("[]", "$", "expected an object but found an array"),
        bad("{'messages':[]}", "$", "missing required member 'model'"),
        bad("{'model':'  ','messages':[]}", "$", "model is required and must not be blank"),
        bad("{'model':1,'messages':[]}", "model", "expected a string but found an integer"),
        bad("{'model':'m','messages':{}}", "messages", "expected an array but found an object"),
        bad("{'model':'m','messages':null}", "messages", "expected an array but found null"),
        bad(M + "7]}", "messages[0]", "expected an object but found an integer"),
        bad(M + "{'content':'x'}]}", "messages[0]", "missing required member 'role'"),
        bad(M + "{'role':'user','content':2}]}", "messages[0].content",
            "expected a string or an array but found an integer"),
        bad(M + "{'role':'user','content':[{'text':'x'}]}]}", "messages[0].content[0]",
            "missing required member 'type'"),
        bad(M + "{'role':'user','content':[{'type':'image_url','image_url':{'detail':'low'}}]}]}",
            "messages[0].content[0].image_url", "missing required member 'url'"),
        bad(M + "{'role':'user','content':[{'type':'image_url','image_url':'http://x'}]}]}",
            "messages[0].content[0].image_url", "expected an object but found a string"),
        bad(M + "{'role':'user','content':[{'type':'input_audio','input_audio':{'data':5}}]}]}",
            "messages[0].content[0].input_audio.data", "expected a string but found an integer"),
        bad(M + "{'role':'assistant','tool_calls':[{'index':'0'}]}]}",
            "messages[0].tool_calls[0].index", "expected an integer but found a string"),
        bad(M + "{'role':'assistant','tool_calls':{}}]}", "messages[0].tool_calls",
            "expected an array but found an object"),
        bad(M + "{'role':'assistant','audio':{}}]}", "messages[0].audio",
            "missing required member 'id'"),
        bad(M + "],'temperature':'hot'}", "temperature", "expected a number but found a string"),
        bad(M + "],'n':1.5}", "n", "expected an integer but found a decimal number"),
        bad(M + "],'n':0}", "n", "n must be at least 1 but was 0"),
        bad(M + "],'max_tokens':-1}", "max_tokens", "max_tokens must be at least 0 but was -1"),
        bad(M + "],'max_tokens':3000000000}", "max_tokens", "integer out of range"),
        bad(M + "],'seed':99999999999999999999999}", "seed", "integer out of range"),
        bad(M + "],'stream':'yes'}", "stream", "expected a boolean but found a string"),
        bad(M + "],'stream_options':[]}", "stream_options", "expected an object but found an array"),
        bad(M + "],'stop':5}", "stop", "expected a string or an array but found an integer"),
        bad(M + "],'stop':['a',1]}", "stop[1]", "expected a string but found an integer"),
        bad(M + "],'logit_bias':{'50256':'x'}}", "logit_bias.50256",
            "expected an integer but found a string"),
        bad(M + "],'metadata':{'a':1}}", "metadata.a", "expected a string but found an integer"),
        bad(M + "],'modalities':'text'}", "modalities", "expected an array but found a string"),
        bad(M + "],'tools':[{'type':'function','function':{'description':'d'}}]}",
            "tools[0].function", "missing required member 'name'"),
        bad(M + "],'tools':[{'type':'function','function':{'name':'f','strict':'yes'}}]}",
            "tools[0].function.strict", "expected a boolean but found a string"),
        bad(M + "],'tool_choice':5}", "tool_choice",
            "expected a string or an object but found an integer"),
        bad(M + "],'response_format':{'json_schema':null}}", "response_format",
            "missing required member 'type'"),
        bad(M + "],'response_format':{'type':'json_schema','json_schema':{'schema':{}}}}",
            "response_format.json_schema", "missing required member 'name'"),
        bad(M + "],'prediction':{'content':3}}", "prediction.content",
            "expected a string or an array but found an integer"),
        bad(M + "],'audio':{'voice':1}}", "audio.voice", "expected a string but found an integer"),
        bad(M + "],'service_tier':{}}", "service_tier", "expected a string but found an object"),
        bad(M + "{'role':'user','content':'x'}]} x", "$", "unexpected content after the JSON document"),
        bad(M + "{'role':", "messages[0].role", "malformed JSON"));
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void badBodyIsADecodeErrorWithPath(String json, String path, String problem) {
    assertThatThrownBy(() -> RequestReading.read(json))
        .isInstanceOf(DecodeException.class)
        .satisfies(e -> {
          DecodeException d = (DecodeException) e;
          assertThat(d.getPath()).isEqualTo(path);
          assertThat(d.getMessage()).startsWith(problem);
          assertThat(d.getByteOffset()).isBetween(0L, (long) json.length());
          assertThat(d.getEventIndex()).isEqualTo(-1);
        });
  }

  @ParameterizedTest
  @MethodSource("badBodies")
  void errorMessageNeverQuotesThePayload(String json, String path, String problem) {
    String secret = json.replace("'m'", "'sk-SECRET'").replace("\"m\"", "\"sk-SECRET\"")
        .replace("'hot'", "'sk-SECRET'").replace("\"hot\"", "\"sk-SECRET\"");
    assertThatThrownBy(() -> RequestReading.read(secret))
        .isInstanceOf(DecodeException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET"));
  }
}
