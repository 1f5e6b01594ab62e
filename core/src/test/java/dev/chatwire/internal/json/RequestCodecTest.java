package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ContentPart;
import dev.chatwire.model.FileInput;
import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.ImageUrl;
import dev.chatwire.model.JsonSchemaFormat;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.ToolChoice;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Exact JSON text written for representative requests. */
class RequestCodecTest {
  /** JSON written with single quotes for readability. */
  private static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private static ChatCompletionRequest.Builder hello() {
    return ChatCompletionRequest.builder().model("gpt-4o-mini").addUserMessage("Hello!");
  }

  private static void assertWrites(ChatCompletionRequest request, String expected) {
    assertThat(RequestCodec.writeString(request)).isEqualTo(expected);
    assertThat(new String(RequestCodec.write(request), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(RequestReading.read(expected)).isEqualTo(request);
  }

  @Test
  void minimalRequestWritesModelAndMessagesOnly() {
    assertWrites(hello().build(),
        json("{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Hello!'}]}"));
  }

  @Test
  void samplingParametersAreWrittenInFixedOrderWhateverTheSetterOrder() {
    ChatCompletionRequest request = hello()
        .seed(7).topLogprobs(2).logprobs(true).frequencyPenalty(0.5).presencePenalty(-0.5)
        .maxCompletionTokens(300).maxTokens(200).stop("END").n(2).topP(0.9).temperature(0.2)
        .user("u-1").store(false)
        .build();
    assertWrites(request, json("{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Hello!'}],"
        + "'temperature':0.2,'top_p':0.9,'n':2,'stop':'END','max_tokens':200,"
        + "'max_completion_tokens':300,'presence_penalty':-0.5,'frequency_penalty':0.5,"
        + "'logprobs':true,'top_logprobs':2,'seed':7,'user':'u-1','store':false}"));
  }

  @Test
  void stopKeepsStringOrListShape() {
    assertThat(RequestCodec.writeString(hello().stop("x").build())).endsWith(json(",'stop':'x'}"));
    assertThat(RequestCodec.writeString(hello().stop(Arrays.asList("x")).build()))
        .endsWith(json(",'stop':['x']}"));
    assertThat(RequestCodec.writeString(hello().stop(Arrays.asList("a", "b")).build()))
        .endsWith(json(",'stop':['a','b']}"));
  }

  @Test
  void multimodalUserMessageWritesEveryPartKind() {
    ChatMessage user = ChatMessage.user(
        ContentPart.text("Compare these."),
        ContentPart.imageUrl(ImageUrl.of("https://example.com/a.png", "low")),
        ContentPart.imageUrl("data:image/png;base64,iVBORw0KGgo="),
        ContentPart.inputAudio("UklGRg==", "wav"),
        ContentPart.file(FileInput.ofId("file-abc")),
        ContentPart.file(FileInput.ofData("notes.pdf", "data:application/pdf;base64,JVBERi0=")));
    ChatCompletionRequest request =
        ChatCompletionRequest.builder().model("gpt-4o").addMessage(user).build();
    assertWrites(request, json("{'model':'gpt-4o','messages':[{'role':'user','content':["
        + "{'type':'text','text':'Compare these.'},"
        + "{'type':'image_url','image_url':{'url':'https://example.com/a.png','detail':'low'}},"
        + "{'type':'image_url','image_url':{'url':'data:image/png;base64,iVBORw0KGgo='}},"
        + "{'type':'input_audio','input_audio':{'data':'UklGRg==','format':'wav'}},"
        + "{'type':'file','file':{'file_id':'file-abc'}},"
        + "{'type':'file','file':{'file_data':'data:application/pdf;base64,JVBERi0=',"
        + "'filename':'notes.pdf'}}]}]}"));
  }

  @Test
  void toolsWithForcedFunctionChoice() {
    ChatCompletionRequest request = hello()
        .addTool(Tool.function(FunctionDefinition.builder().name("get_weather")
            .description("Weather for a city")
            .parameters("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}}}")
            .strict(true).build()))
        .addTool(Tool.function("now", null, null))
        .toolChoice(ToolChoice.function("get_weather"))
        .parallelToolCalls(false)
        .build();
    // The schema is written exactly as given, spaces included.
    assertWrites(request, json("{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Hello!'}],"
        + "'tools':[{'type':'function','function':{'name':'get_weather',"
        + "'description':'Weather for a city',"
        + "'parameters':{'type': 'object', 'properties': {'city': {'type': 'string'}}},"
        + "'strict':true}},{'type':'function','function':{'name':'now'}}],"
        + "'tool_choice':{'type':'function','function':{'name':'get_weather'}},"
        + "'parallel_tool_calls':false}"));
  }

  @Test
  void toolChoiceModeIsAString() {
    assertThat(RequestCodec.writeString(hello().toolChoice(ToolChoice.REQUIRED).build()))
        .endsWith(json(",'tool_choice':'required'}"));
  }

  @Test
  void jsonSchemaResponseFormat() {
    ChatCompletionRequest request = hello()
        .responseFormat(ResponseFormat.jsonSchema(JsonSchemaFormat.builder().name("answer")
            .description("One answer").schema("{\"type\":\"object\",\"required\":[\"a\"]}")
            .strict(true).build()))
        .build();
    assertWrites(request, json("{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Hello!'}],"
        + "'response_format':{'type':'json_schema','json_schema':{'name':'answer',"
        + "'description':'One answer','schema':{'type':'object','required':['a']},"
        + "'strict':true}}}"));
    assertThat(RequestCodec.writeString(hello().responseFormat(ResponseFormat.JSON_OBJECT).build()))
        .endsWith(json(",'response_format':{'type':'json_object'}}"));
  }

  @Test
  void logitBiasAndMetadataAreObjects() {
    ChatCompletionRequest request = hello()
        .putLogitBias("50256", -100).putLogitBias("1234", 5)
        .putMetadata("team", "search").putMetadata("run", "42")
        .build();
    assertWrites(request, json("{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Hello!'}],"
        + "'logit_bias':{'50256':-100,'1234':5},'metadata':{'team':'search','run':'42'}}"));
  }

  @Test
  void providerExtrasAreWrittenRawAfterKnownMembers() {
    ChatCompletionRequest request = hello()
        .putExtra("top_k", 20)
        .putExtra("repetition_penalty", 1.05)
        .putExtra("chat_template_kwargs", "{\"enable_thinking\": false}")
        .putExtra("options", "{\"num_ctx\":8192,\"top_k\":40}")
        .putExtraString("guided_regex", "a\"b")
        .putExtra("skip_special_tokens", false)
        .temperature(0.6)
        .build();
    assertWrites(request, json("{'model':'gpt-4o-mini','messages':[{'role':'user','content':'Hello!'}],"
        + "'temperature':0.6,'top_k':20,'repetition_penalty':1.05,"
        + "'chat_template_kwargs':{'enable_thinking': false},"
        + "'options':{'num_ctx':8192,'top_k':40},'guided_regex':'a\\'b',"
        + "'skip_special_tokens':false}"));
  }

  @Test
  void conversationWithToolCallsAndResults() {
    ChatCompletionRequest request = ChatCompletionRequest.builder().model("m")
        .addDeveloperMessage("Be brief.")
        .addUserMessage("Weather in Paris?")
        .addMessage(ChatMessage.assistant(null, Arrays.asList(
            ToolCall.function("call_1", "get_weather", "{\"city\":\"Paris\"}"))))
        .addToolMessage("call_1", "{\"temp\":21}")
        .addAssistantMessage("21 °C.")
        .build();
    assertWrites(request, json("{'model':'m','messages':[{'role':'developer','content':'Be brief.'},"
        + "{'role':'user','content':'Weather in Paris?'},"
        + "{'role':'assistant','tool_calls':[{'id':'call_1','type':'function',"
        + "'function':{'name':'get_weather','arguments':'{\\'city\\':\\'Paris\\'}'}}]},"
        + "{'role':'tool','content':'{\\'temp\\':21}','tool_call_id':'call_1'},"
        + "{'role':'assistant','content':'21 °C.'}]}"));
  }

  @Test
  void nonAsciiTextIsWrittenAsUtf8AndControlCharactersEscaped() {
    ChatCompletionRequest request =
        ChatCompletionRequest.builder().model("m").addUserMessage("héllo ✓\n\t\u0001").build();
    String expected = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"héllo ✓\\n\\t\\u0001\"}]}";
    assertWrites(request, expected);
    assertThat(RequestCodec.write(request)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void charactersOutsideTheBasicPlaneAreEscapedAsSurrogatePairs() {
    ChatCompletionRequest request =
        ChatCompletionRequest.builder().model("m").addUserMessage("ok 😀").build();
    assertWrites(request, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
        + "\"content\":\"ok \\uD83D\\uDE00\"}]}");
    assertThat(RequestReading.read(RequestCodec.write(request)).getMessages().get(0).getContent())
        .isEqualTo("ok 😀");
  }
}
