// A tool call by hand, with the core API only: declare a function, run the calls the answer
// asks for, send their results back, and read the final answer. (ToolLoop.kt lets the
// structured module do all of this.)
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.model.ChatMessage
import dev.chatwire.model.Tool
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

private val getWeather = Tool.function(
    "get_weather",
    "The current weather in a city",
    """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"],"additionalProperties":false}""",
)

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = toolRoundTrip(Endpoint.fromArgs(args), System.out)

fun toolRoundTrip(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val question = chatRequest(model = endpoint.model, tools = listOf(getWeather)) {
            user("Should I take an umbrella in Paris today?")
        }
        val answer = client.chat().await(question).choices[0].message

        val followUp = chatRequest(model = endpoint.model, tools = listOf(getWeather)) {
            messages(question.messages)
            message(ChatMessage.fromResponse(answer))   // the assistant turn with its calls
            for (call in answer.toolCalls) {
                val function = call.function ?: continue
                out.println("the model calls ${function.name}${function.arguments}")
                val result = if (function.name == "get_weather") weather(function.arguments.orEmpty()) else """{"error":"unknown tool"}"""
                tool(call.id.orEmpty(), result)
            }
        }

        out.println("answer: ${client.chat().await(followUp).text}")
    }
}

/** The tool itself; a real one would read the city from the arguments and ask a service. */
private fun weather(argumentsJson: String): String =
    if ("Paris" in argumentsJson) """{"sky":"rain","celsius":14}""" else """{"sky":"clear","celsius":20}"""
