/**
 * A structured answer as a cold `Flow` of typed objects while it streams (needs
 * `chatwire-structured` on the class path): each partial answer as it forms, then the whole one.
 *
 * ```kotlin
 * data class Answer(val city: String, val sights: List<String> = emptyList(), val tip: String? = null)
 *
 * val request = chatRequest(model = "gpt-4o-mini", responseFormat = responseFormat<Answer>()) {
 *     user("Recommend a city.")
 * }
 * client.chat().partialFlow<Answer>(request).collect { render(it) }   // the last one is whole
 * ```
 */
@file:JvmName("ChatWireStructuredFlow")

package dev.chatwire.kotlin

import dev.chatwire.ChatCompletions
import dev.chatwire.RequestOptions
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.stream.CompletionDone
import dev.chatwire.structured.StructuredOutput
import dev.chatwire.structured.StructuredStream
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.transform

/**
 * The answer to [request] (which asks for a `json_schema` response format, such as
 * `responseFormat<T>()`) as a cold [Flow] of [T]: each partial answer as its content arrives,
 * read leniently (properties not written yet are null, zero, false or their Kotlin default), and
 * as the last element the whole answer read strictly with [StructuredOutput.parse]. A refusal, a
 * cut-off or an answer that does not fit ends the flow with that
 * [dev.chatwire.structured.StructuredOutputException]; cancellation and failures behave as in
 * [eventFlow], on which it is built.
 */
public fun <T : Any> ChatCompletions.partialFlow(
    request: ChatCompletionRequest,
    type: Class<T>,
    options: RequestOptions = RequestOptions.none(),
): Flow<T> = eventFlow(request, options).transform { event ->
    if (event is CompletionDone) {
        emit(StructuredOutput.parse(event.completion, type))
    } else {
        StructuredStream.partial(event, type)?.let { emit(it) }
    }
}

/** [partialFlow] for the reified type: `client.chat().partialFlow<Answer>(request)`. */
public inline fun <reified T : Any> ChatCompletions.partialFlow(
    request: ChatCompletionRequest,
    options: RequestOptions = RequestOptions.none(),
): Flow<T> = partialFlow(request, T::class.java, options)
