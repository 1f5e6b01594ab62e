package dev.chatwire.model

import dev.chatwire.internal.json.RequestCodec
import dev.chatwire.internal.json.RequestReading
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test
import kotlin.reflect.typeOf

/**
 * Builds requests with the API as Kotlin sees it and touches every getter: safe calls on the
 * nullable ones, direct use on the others (using a nullable value directly fails compilation,
 * warnings being errors). [staticallyNullable] also checks each getter's static type at run time,
 * which catches a missing `@Nullable` too.
 */
class RequestNullnessTest {
  /** Whether the compile-time type of the argument is a nullable type. */
  private inline fun <reified T> staticallyNullable(@Suppress("UNUSED_PARAMETER") value: T): Boolean =
    typeOf<T>().isMarkedNullable

  private fun fullRequest(): ChatCompletionRequest =
    ChatCompletionRequest.builder()
      .model("gpt-4o-mini")
      .addSystemMessage("sys")
      .addDeveloperMessage("dev")
      .addUserMessage("hi")
      .addAssistantMessage("hello")
      .addToolMessage("call_1", "{}")
      .addMessage(
        ChatMessage.user(
          ContentPart.text("look"),
          ContentPart.imageUrl(ImageUrl.of("https://example.com/a.png", "low")),
          ContentPart.inputAudio("UklGRg==", "wav"),
          ContentPart.file(FileInput.ofId("file-1")),
        )
      )
      .addMessage(
        ChatMessage.builder()
          .role(Role.ASSISTANT)
          .contentParts(listOf(ContentPart.refusal("no")))
          .name("bot")
          .refusal("no")
          .addToolCall(ToolCall.function("call_1", "get_weather", """{"city":"Paris"}"""))
          .functionCall(FunctionCall.of("legacy", "{}"))
          .audio(AudioReference.of("audio_1"))
          .reasoningContent("because")
          .putExtra("x_vendor", "1")
          .build()
      )
      .temperature(0.2)
      .topP(0.9)
      .n(1)
      .stream(true)
      .streamOptions(StreamOptions.withUsage())
      .stop(listOf("END"))
      .maxTokens(100)
      .maxCompletionTokens(200)
      .presencePenalty(0.0)
      .frequencyPenalty(0.5)
      .putLogitBias("50256", -100)
      .logprobs(true)
      .topLogprobs(2)
      .seed(42)
      .user("user-1")
      .addTool(Tool.function("get_weather", "Weather", """{"type":"object"}"""))
      .toolChoice(ToolChoice.function("get_weather"))
      .parallelToolCalls(false)
      .responseFormat(
        ResponseFormat.jsonSchema(
          JsonSchemaFormat.builder().name("s").description("d").schema("{}").strict(true).build()
        )
      )
      .serviceTier(ServiceTier.AUTO)
      .reasoningEffort(ReasoningEffort.LOW)
      .putMetadata("k", "v")
      .store(false)
      .prediction(Prediction.content("predicted"))
      .modalities(listOf("text", "audio"))
      .audio(AudioParams.of("alloy", "wav"))
      .putExtra("top_k", 20)
      .putExtra("chat_template_kwargs", """{"enable_thinking":false}""")
      .putExtraString("guided_regex", "[a-z]+")
      .putExtra("skip_special_tokens", true)
      .build()

  @Test
  fun requestGettersHaveTheDeclaredNullness() {
    val r = fullRequest()
    val seen = mutableListOf<Any?>()
    seen += r.model.length
    seen += r.messages.size
    seen += r.temperature?.plus(1)
    seen += r.topP?.plus(1)
    seen += r.n?.plus(1)
    seen += r.stream?.not()
    seen += r.streamOptions?.includeUsage?.not()
    seen += r.streamOptions?.extras?.size
    seen += r.stop?.sequences?.size
    seen += r.stop?.isList
    seen += r.maxTokens?.plus(1)
    seen += r.maxCompletionTokens?.plus(1)
    seen += r.presencePenalty?.plus(1)
    seen += r.frequencyPenalty?.plus(1)
    seen += r.logitBias.size
    seen += r.logprobs?.not()
    seen += r.topLogprobs?.plus(1)
    seen += r.seed?.plus(1)
    seen += r.user?.length
    seen += r.tools.size
    seen += r.toolChoice?.mode?.length
    seen += r.toolChoice?.type?.length
    seen += r.toolChoice?.functionName?.length
    seen += r.toolChoice?.extras?.size
    seen += r.parallelToolCalls?.not()
    seen += r.responseFormat?.type?.length
    seen += r.responseFormat?.jsonSchema?.name?.length
    seen += r.responseFormat?.extras?.size
    seen += r.serviceTier?.value?.length
    seen += r.reasoningEffort?.value?.length
    seen += r.metadata.size
    seen += r.store?.not()
    seen += r.prediction?.type?.length
    seen += r.prediction?.content?.length
    seen += r.prediction?.contentParts?.size
    seen += r.prediction?.extras?.size
    seen += r.modalities.size
    seen += r.audio?.voice?.length
    seen += r.audio?.format?.length
    seen += r.audio?.extras?.size
    seen += r.extras.size
    assertThat(seen).hasSize(41)
    val nonNull = mapOf(
      "model" to staticallyNullable(r.model),
      "messages" to staticallyNullable(r.messages),
      "logitBias" to staticallyNullable(r.logitBias),
      "tools" to staticallyNullable(r.tools),
      "metadata" to staticallyNullable(r.metadata),
      "modalities" to staticallyNullable(r.modalities),
      "extras" to staticallyNullable(r.extras),
    )
    val nullable = mapOf(
      "temperature" to staticallyNullable(r.temperature),
      "topP" to staticallyNullable(r.topP),
      "n" to staticallyNullable(r.n),
      "stream" to staticallyNullable(r.stream),
      "streamOptions" to staticallyNullable(r.streamOptions),
      "stop" to staticallyNullable(r.stop),
      "maxTokens" to staticallyNullable(r.maxTokens),
      "maxCompletionTokens" to staticallyNullable(r.maxCompletionTokens),
      "presencePenalty" to staticallyNullable(r.presencePenalty),
      "frequencyPenalty" to staticallyNullable(r.frequencyPenalty),
      "logprobs" to staticallyNullable(r.logprobs),
      "topLogprobs" to staticallyNullable(r.topLogprobs),
      "seed" to staticallyNullable(r.seed),
      "user" to staticallyNullable(r.user),
      "toolChoice" to staticallyNullable(r.toolChoice),
      "parallelToolCalls" to staticallyNullable(r.parallelToolCalls),
      "responseFormat" to staticallyNullable(r.responseFormat),
      "serviceTier" to staticallyNullable(r.serviceTier),
      "reasoningEffort" to staticallyNullable(r.reasoningEffort),
      "store" to staticallyNullable(r.store),
      "prediction" to staticallyNullable(r.prediction),
      "audio" to staticallyNullable(r.audio),
    )
    assertThat(nonNull.filterValues { it }.keys).isEmpty()
    assertThat(nullable.filterValues { !it }.keys).isEmpty()
    assertThat(r.model).isEqualTo("gpt-4o-mini")
    assertThat(r.temperature!!).isEqualTo(0.2)
    assertThat(r.seed!!).isEqualTo(42L)
    assertThat(r.extras).containsKeys("top_k", "chat_template_kwargs", "guided_regex")
  }

  @Test
  fun messageAndPartGettersHaveTheDeclaredNullness() {
    val r = fullRequest()
    var touched = 0
    for (m in r.messages) {
      touched += m.role.value.length
      touched += m.content?.length ?: 0
      touched += m.name?.length ?: 0
      touched += m.refusal?.length ?: 0
      touched += m.toolCalls.size
      touched += m.functionCall?.name?.length ?: 0
      touched += m.functionCall?.arguments?.length ?: 0
      touched += m.functionCall?.extras?.size ?: 0
      touched += m.toolCallId?.length ?: 0
      touched += m.audio?.id?.length ?: 0
      touched += m.audio?.extras?.size ?: 0
      touched += m.reasoningContent?.length ?: 0
      touched += m.extras.size
      for (c in m.toolCalls) {
        touched += c.index ?: 0
        touched += c.id?.length ?: 0
        touched += c.type?.length ?: 0
        touched += c.function?.name?.length ?: 0
      }
      for (p in m.contentParts.orEmpty()) {
        touched += p.type.length
        touched += p.text?.length ?: 0
        touched += p.refusal?.length ?: 0
        touched += p.imageUrl?.url?.length ?: 0
        touched += p.imageUrl?.detail?.length ?: 0
        touched += p.imageUrl?.extras?.size ?: 0
        touched += p.inputAudio?.data?.length ?: 0
        touched += p.inputAudio?.format?.length ?: 0
        touched += p.inputAudio?.extras?.size ?: 0
        touched += p.file?.fileId?.length ?: 0
        touched += p.file?.fileData?.length ?: 0
        touched += p.file?.filename?.length ?: 0
        touched += p.file?.extras?.size ?: 0
        touched += p.extras.size
      }
    }
    assertThat(touched).isGreaterThan(0)
    val m = r.messages.last()
    val p = r.messages[5].contentParts!![1]
    val nonNull = listOf(
      staticallyNullable(m.role), staticallyNullable(m.toolCalls), staticallyNullable(m.extras),
      staticallyNullable(p.type), staticallyNullable(p.extras),
      staticallyNullable(p.imageUrl!!.url), staticallyNullable(ImageUrl.of("u").extras),
      staticallyNullable(InputAudio.of("d", "wav").data), staticallyNullable(AudioReference.of("a").id),
      staticallyNullable(Stop.of("x").sequences), staticallyNullable(ToolChoice.AUTO.extras),
    )
    val nullable = listOf(
      staticallyNullable(m.content), staticallyNullable(m.contentParts), staticallyNullable(m.name),
      staticallyNullable(m.refusal), staticallyNullable(m.functionCall),
      staticallyNullable(m.toolCallId), staticallyNullable(m.audio),
      staticallyNullable(m.reasoningContent), staticallyNullable(p.text),
      staticallyNullable(p.refusal), staticallyNullable(p.imageUrl), staticallyNullable(p.inputAudio),
      staticallyNullable(p.file), staticallyNullable(ImageUrl.of("u").detail),
      staticallyNullable(InputAudio.of("d", "wav").format), staticallyNullable(FileInput.ofId("f").fileId),
      staticallyNullable(FileInput.ofId("f").fileData), staticallyNullable(FileInput.ofId("f").filename),
      staticallyNullable(ToolChoice.AUTO.mode), staticallyNullable(ToolChoice.AUTO.type),
      staticallyNullable(ToolChoice.AUTO.functionName),
    )
    assertThat(nonNull).containsOnly(false)
    assertThat(nullable).containsOnly(true)
  }

  @Test
  fun toolAndFormatGettersHaveTheDeclaredNullness() {
    val r = fullRequest()
    val tool = r.tools.first()
    val function: FunctionDefinition? = tool.function
    assertThat(tool.type.length).isEqualTo(8)
    assertThat(function?.name?.length).isEqualTo(11)
    assertThat(function?.description?.length).isEqualTo(7)
    assertThat(function?.parameters?.length).isEqualTo(17)
    assertThat(function?.strict?.not()).isNull()
    assertThat(function?.extras?.size).isEqualTo(0)
    assertThat(tool.extras.size).isEqualTo(0)
    val schema: JsonSchemaFormat? = r.responseFormat?.jsonSchema
    assertThat(schema?.name?.length).isEqualTo(1)
    assertThat(schema?.description?.length).isEqualTo(1)
    assertThat(schema?.schema?.length).isEqualTo(2)
    assertThat(schema?.strict).isTrue()
    assertThat(schema?.extras?.size).isEqualTo(0)
    val f = function!!
    val s = schema!!
    assertThat(listOf(staticallyNullable(tool.type), staticallyNullable(f.name), staticallyNullable(s.name),
      staticallyNullable(r.responseFormat!!.type), staticallyNullable(r.prediction!!.type)))
      .containsOnly(false)
    assertThat(listOf(staticallyNullable(tool.function), staticallyNullable(f.description),
      staticallyNullable(f.parameters), staticallyNullable(f.strict), staticallyNullable(s.description),
      staticallyNullable(s.schema), staticallyNullable(s.strict),
      staticallyNullable(r.responseFormat!!.jsonSchema), staticallyNullable(r.audio!!.voice),
      staticallyNullable(r.audio!!.format), staticallyNullable(r.streamOptions!!.includeUsage)))
      .containsOnly(true)
  }

  @Test
  fun requestRoundTripsThroughTheCodec() {
    val r = fullRequest()
    assertThat(RequestReading.read(RequestCodec.write(r))).isEqualTo(r)
  }
}
