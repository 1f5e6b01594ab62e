package dev.chatwire.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.AudioParams;
import dev.chatwire.model.AudioReference;
import dev.chatwire.model.ChatCompletionRequest;
import dev.chatwire.model.ChatMessage;
import dev.chatwire.model.ContentPart;
import dev.chatwire.model.FileInput;
import dev.chatwire.model.FunctionCall;
import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.ImageUrl;
import dev.chatwire.model.InputAudio;
import dev.chatwire.model.JsonSchemaFormat;
import dev.chatwire.model.Prediction;
import dev.chatwire.model.ReasoningEffort;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Role;
import dev.chatwire.model.ServiceTier;
import dev.chatwire.model.StreamOptions;
import dev.chatwire.model.Tool;
import dev.chatwire.model.ToolCall;
import dev.chatwire.model.ToolChoice;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Every field, at every level, survives write then read. */
class RequestRoundTripTest {
  /** A request that sets every field and an unknown member at every level. */
  static ChatCompletionRequest everything() {
    ContentPart[] parts = {
      ContentPart.builder().type("text").text("look").putExtra("cache", "{\"ttl\":1}").build(),
      ContentPart.imageUrl(ImageUrl.builder().url("https://x/y.png").detail("high")
          .putExtra("hint", "\"sky\"").build()),
      ContentPart.builder().type("input_audio").inputAudio(InputAudio.builder().data("AAAA")
          .format("mp3").putExtra("rate", "16000").build()).build(),
      ContentPart.file(FileInput.builder().fileId("file-1").fileData("data:x")
          .filename("a.txt").putExtra("pages", "[1,2]").build()),
      ContentPart.builder().type("input_video").putExtra("video_url", "{\"url\":\"v\"}").build(),
    };
    return ChatCompletionRequest.builder()
        .model("gpt-4o")
        .addMessage(ChatMessage.builder().role(Role.SYSTEM).content("sys").name("boss")
            .putExtra("x_sys", "true").build())
        .addMessage(ChatMessage.user(parts))
        .addMessage(ChatMessage.builder().role(Role.ASSISTANT)
            .contentParts(Arrays.asList(ContentPart.text("a"), ContentPart.refusal("no")))
            .refusal("no")
            .addToolCall(ToolCall.builder().id("c1").type("function")
                .function(FunctionCall.builder().name("f").arguments("{}")
                    .putExtra("fx", "1").build())
                .putExtra("tx", "2").build())
            .functionCall(FunctionCall.of("legacy", "{\"a\":1}"))
            .audio(AudioReference.builder().id("audio_1").putExtra("ax", "null").build())
            .reasoningContent("thinking...")
            .build())
        .addToolMessage("c1", "result")
        .addMessage(ChatMessage.builder().role(Role.of("function")).name("legacy").content("r")
            .build())
        .addMessage(ChatMessage.builder().role(Role.of("ipython")).content("custom role").build())
        .temperature(0.7).topP(0.95).n(3).stream(true)
        .streamOptions(StreamOptions.builder().includeUsage(true)
            .putExtra("include_obfuscation", "false").build())
        .stop(Arrays.asList("\n\n", "END"))
        .maxTokens(100).maxCompletionTokens(200).presencePenalty(0.1).frequencyPenalty(-0.1)
        .putLogitBias("50256", -100)
        .logprobs(true).topLogprobs(5).seed(Long.MAX_VALUE).user("user-1")
        .addTool(Tool.builder().function(FunctionDefinition.builder().name("f")
                .description("d").parameters("{\"type\":\"object\"}").strict(false)
                .putExtra("fx", "{}").build())
            .putExtra("tx", "[]").build())
        .addTool(Tool.builder().type("custom").putExtra("custom", "{\"name\":\"grep\"}").build())
        .toolChoice(ToolChoice.builder().type("allowed_tools")
            .putExtra("allowed_tools", "{\"mode\":\"auto\",\"tools\":[]}").build())
        .parallelToolCalls(true)
        .responseFormat(ResponseFormat.builder().type("json_schema")
            .jsonSchema(JsonSchemaFormat.builder().name("s").description("d")
                .schema("{\"type\":\"object\"}").strict(true).putExtra("sx", "0").build())
            .putExtra("rx", "\"r\"").build())
        .serviceTier(ServiceTier.of("on_demand"))
        .reasoningEffort(ReasoningEffort.of("max"))
        .putMetadata("k", "v")
        .store(true)
        .prediction(Prediction.builder().contentParts(Collections.singletonList(
            ContentPart.text("predicted"))).putExtra("px", "1").build())
        .modalities(Arrays.asList("text", "audio"))
        .audio(AudioParams.builder().format("wav").putExtra("voice", "{\"id\":\"voice_1\"}")
            .putExtra("speed", "1.5").build())
        .putExtra("top_k", "20")
        .putExtra("data_sources", "[{\"type\":\"azure_search\"}]")
        .build();
  }

  @Test
  void everyFieldAtEveryLevelSurvivesWriteThenRead() {
    ChatCompletionRequest request = everything();
    ChatCompletionRequest back = RequestReading.read(RequestCodec.write(request));
    assertThat(back).isEqualTo(request);
    assertThat(back.hashCode()).isEqualTo(request.hashCode());
    assertThat(RequestCodec.writeString(back)).isEqualTo(RequestCodec.writeString(request));
  }

  @Test
  void toBuilderCopiesEveryField() {
    ChatCompletionRequest request = everything();
    assertThat(request.toBuilder().build()).isEqualTo(request);
    for (ChatMessage m : request.getMessages()) assertThat(m.toBuilder().build()).isEqualTo(m);
    for (Tool t : request.getTools()) assertThat(t.toBuilder().build()).isEqualTo(t);
  }

  @Test
  void textAndPartPredictionsAndToolChoicesRoundTrip() {
    ChatCompletionRequest.Builder base = ChatCompletionRequest.builder().model("m").addUserMessage("x");
    for (ChatCompletionRequest r : Arrays.asList(
        base.prediction(Prediction.content("text")).toolChoice(ToolChoice.NONE).build(),
        base.toolChoice(ToolChoice.mode("validated")).stop("x").build(),
        base.toolChoice(ToolChoice.function("f")).audio(AudioParams.of("alloy", "mp3")).build(),
        base.toolChoice(ToolChoice.builder().type("function")
            .putExtra("function", "{\"name\":\"f\",\"x\":1}").build()).build())) {
      assertThat(RequestReading.read(RequestCodec.write(r))).isEqualTo(r);
    }
  }

  @Test
  void unknownMembersAreWrittenBackExactly() {
    String raw = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"x\","
        + "\"deep\":{\"a\" : [1, 2.50, \"s\"]}}],\"meta\":{ \"k\":null }}],"
        + "\"vendor\":{\"n\":1e3}}";
    assertThat(RequestCodec.writeString(RequestReading.read(raw))).isEqualTo(raw);
  }
}
