// Kotlin helpers over the Java API: the type comes from the reified type argument.
// They inline into the caller, so using them needs no Kotlin class of this module at run time.
package dev.chatwire.structured

import dev.chatwire.model.ChatCompletion
import dev.chatwire.model.ChatCompletionMessage
import dev.chatwire.model.ResponseFormat

/** A strict `json_schema` response format for [T]: `responseFormat<Answer>()`. */
public inline fun <reified T : Any> responseFormat(): ResponseFormat =
    StructuredOutput.responseFormat(T::class.java)

/** The first choice's answer as a [T]: `completion.parse<Answer>()`; throws as [StructuredOutput.parse]. */
public inline fun <reified T : Any> ChatCompletion.parse(): T =
    StructuredOutput.parse(this, T::class.java)

/** The message's content as a [T]; a refusal throws [RefusalException]. */
public inline fun <reified T : Any> ChatCompletionMessage.parse(): T =
    StructuredOutput.parse(this, T::class.java)

/** A strict function tool whose arguments are an [A]: `typedTool<GetWeather>("get_weather")`. */
public inline fun <reified A : Any> typedTool(name: String, description: String? = null): TypedTool<A> =
    TypedTool.of(name, description, A::class.java)
