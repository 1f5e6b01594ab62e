package dev.chatwire.model

import dev.chatwire.json.ChatJson
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/**
 * Uses every getter of the response and chunk models as Kotlin code would: a safe call and a null
 * check on each nullable one, direct use of each non-null one. The build compiles this with
 * warnings as errors and JSpecify in strict mode, so a wrong nullness annotation fails the build:
 * direct use of a nullable type is an error, and a null check on a non-null type is a warning.
 */
class ModelNullnessTest {
  private val seen = mutableListOf<Any?>()

  /**
   * Records a nullable getter's use. The comparison with null is what guards the annotation: on a
   * non-null type Kotlin reports "condition is always false", an error under -Werror.
   */
  private fun n(absent: Boolean, value: Any?) {
    seen += absent
    seen += value
  }

  private fun sample(name: String): String =
    ModelNullnessTest::class.java.getResourceAsStream("/samples/$name")!!.readBytes().decodeToString()

  private fun chunks(name: String): List<ChatCompletionChunk> =
    sample(name).lines().filter { it.isNotEmpty() }.map { ChatJson.readChunk(it) }

  @Test
  fun completionGettersHaveTheNullnessKotlinExpects() {
    val c: ChatCompletion = ChatJson.readCompletion(sample("azure-completion-o1-preview.json"))
    completion(c)
    for (name in listOf("openai-completion-tool-call.json", "vllm-completion-ray-serve.json")) {
      completion(ChatJson.readCompletion(sample(name)))
    }
    assertThat(c.choices[0].message.content).startsWith("Writing your first Python API")
    assertThat(c.usage?.completionTokensDetails?.reasoningTokens).isEqualTo(448)
    assertThat(seen).contains(true, false)
  }

  @Test
  fun chunkGettersHaveTheNullnessKotlinExpects() {
    for (name in listOf("openai-stream-logprobs.jsonl", "openai-stream-service-tier-usage.jsonl")) {
      chunks(name).forEach { chunk(it) }
    }
    val first = chunks("openai-stream-logprobs.jsonl")[1]
    assertThat(first.choices.firstOrNull()?.delta?.content).isEqualTo("Foo")
    assertThat(seen).contains(true, false)
  }

  @Test
  fun buildersAcceptNullWhereTheValueMayBeAbsent() {
    val chunk = ChatCompletionChunk.builder().id(null).model(null).usage(null).serviceTier(null)
      .systemFingerprint(null).build()
    assertThat(chunk.id).isNull()
    stopReason(StopReason.ofTokenId(3))
    stopReason(StopReason.ofText("</s>"))
    audio(Audio.builder().id("a").data("AA").expiresAt(1L).transcript("t").build())
    assertThat(StopReason.ofTokenId(3).tokenId ?: -1L).isEqualTo(3L)
  }

  private fun completion(c: ChatCompletion) {
    n(c.id == null, c.id?.length)
    n(c.`object` == null, c.`object`?.length)
    n(c.created == null, c.created?.toInt())
    n(c.model == null, c.model?.length)
    seen += c.choices.size
    n(c.serviceTier == null, c.serviceTier?.value?.length)
    c.serviceTier?.let { seen += it.value.length }
    n(c.systemFingerprint == null, c.systemFingerprint?.length)
    seen += c.extras.size
    n(c.usage == null, c.usage?.totalTokens)
    c.usage?.let { usage(it) }
    for (choice in c.choices) {
      seen += choice.index + 1
      n(choice.finishReason == null, choice.finishReason?.value)
      choice.finishReason?.let { seen += it.value.length }
      n(choice.stopReason == null, choice.stopReason?.isTokenId)
      choice.stopReason?.let { stopReason(it) }
      seen += choice.extras.size
      n(choice.logprobs == null, choice.logprobs?.extras)
      choice.logprobs?.let { logprobs(it) }
      val m: ChatCompletionMessage = choice.message
      n(m.role == null, m.role?.value)
      m.role?.let { seen += it.value.length }
      n(m.content == null, m.content?.length)
      n(m.refusal == null, m.refusal?.length)
      seen += m.toolCalls.size
      m.toolCalls.forEach { toolCall(it) }
      n(m.functionCall == null, m.functionCall?.name)
      m.functionCall?.let { function(it) }
      n(m.audio == null, m.audio?.id)
      m.audio?.let { audio(it) }
      n(m.reasoningContent == null, m.reasoningContent?.length)
      n(m.reasoning == null, m.reasoning?.length)
      seen += m.extras.size
    }
  }

  private fun chunk(chunk: ChatCompletionChunk) {
    n(chunk.id == null, chunk.id?.length)
    n(chunk.`object` == null, chunk.`object`?.length)
    n(chunk.created == null, chunk.created?.toInt())
    n(chunk.model == null, chunk.model?.length)
    seen += chunk.choices.size
    n(chunk.serviceTier == null, chunk.serviceTier?.value)
    n(chunk.systemFingerprint == null, chunk.systemFingerprint?.length)
    seen += chunk.extras.size
    n(chunk.usage == null, chunk.usage?.promptTokens)
    chunk.usage?.let { usage(it) }
    for (choice in chunk.choices) {
      seen += choice.index + 1
      n(choice.finishReason == null, choice.finishReason?.value)
      n(choice.stopReason == null, choice.stopReason?.toString())
      seen += choice.extras.size
      n(choice.logprobs == null, choice.logprobs?.content)
      choice.logprobs?.let { logprobs(it) }
      val d: Delta = choice.delta
      n(d.role == null, d.role?.value)
      n(d.content == null, d.content?.length)
      n(d.refusal == null, d.refusal?.length)
      d.toolCalls.forEach { toolCall(it) }
      n(d.functionCall == null, d.functionCall?.arguments)
      d.functionCall?.let { function(it) }
      n(d.audio == null, d.audio?.transcript)
      d.audio?.let { audio(it) }
      n(d.reasoningContent == null, d.reasoningContent?.length)
      n(d.reasoning == null, d.reasoning?.length)
      seen += d.extras.size
    }
  }

  private fun toolCall(call: ToolCall) {
    n(call.index == null, call.index?.plus(1))
    n(call.id == null, call.id?.length)
    n(call.type == null, call.type?.length)
    n(call.function == null, call.function?.name)
    call.function?.let { function(it) }
    seen += call.extras.size
  }

  private fun function(f: FunctionCall) {
    n(f.name == null, f.name?.length)
    n(f.arguments == null, f.arguments?.length)
    seen += f.extras.size
  }

  private fun audio(a: Audio) {
    n(a.id == null, a.id?.length)
    n(a.data == null, a.data?.length)
    n(a.expiresAt == null, a.expiresAt?.plus(1))
    n(a.transcript == null, a.transcript?.length)
    seen += a.extras.size
  }

  private fun stopReason(r: StopReason) {
    seen += r.isTokenId
    n(r.text == null, r.text?.length)
    n(r.tokenId == null, r.tokenId?.plus(1))
    seen += r.toString().length
  }

  private fun logprobs(l: Logprobs) {
    n(l.content == null, l.content?.size)
    n(l.refusal == null, l.refusal?.size)
    seen += l.extras.size
    for (t in l.content.orEmpty() + l.refusal.orEmpty()) {
      seen += t.token.length
      seen += t.logprob + 1
      n(t.bytes == null, t.bytes?.size)
      seen += t.topLogprobs.size
      seen += t.extras.size
      for (top in t.topLogprobs) {
        seen += top.token.length
        seen += top.logprob + 1
        n(top.bytes == null, top.bytes?.size)
        seen += top.extras.size
      }
    }
  }

  private fun usage(u: Usage) {
    seen += u.promptTokens + u.completionTokens + u.totalTokens
    seen += u.extras.size
    n(u.promptTokensDetails == null, u.promptTokensDetails?.extras)
    u.promptTokensDetails?.let { p ->
      n(p.cachedTokens == null, p.cachedTokens?.plus(1))
      n(p.audioTokens == null, p.audioTokens?.plus(1))
      seen += p.extras.size
    }
    n(u.completionTokensDetails == null, u.completionTokensDetails?.extras)
    u.completionTokensDetails?.let { c ->
      n(c.reasoningTokens == null, c.reasoningTokens?.plus(1))
      n(c.audioTokens == null, c.audioTokens?.plus(1))
      n(c.acceptedPredictionTokens == null, c.acceptedPredictionTokens?.plus(1))
      n(c.rejectedPredictionTokens == null, c.rejectedPredictionTokens?.plus(1))
      seen += c.extras.size
    }
  }
}
