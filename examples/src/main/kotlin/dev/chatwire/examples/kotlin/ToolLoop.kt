// The tool loop from Kotlin: a typed tool whose arguments are a data class, and a class of
// @ToolMethod functions; ToolLoop runs the calls until the model answers without one.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.model.ChatMessage
import dev.chatwire.model.ToolCall
import dev.chatwire.structured.Description
import dev.chatwire.structured.ToolLoop
import dev.chatwire.structured.ToolLoopListener
import dev.chatwire.structured.ToolMethod
import dev.chatwire.structured.ToolParam
import dev.chatwire.structured.Tools
import dev.chatwire.structured.typedTool
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** The arguments of `get_weather`. */
data class GetWeather(@field:Description("City name") val city: String, val unit: String? = null)

/** Tools as methods: the parameters are the arguments. */
class Clock {
    @ToolMethod(name = "local_time", description = "The local time in a city")
    fun localTime(@ToolParam("city") city: String): String = if (city == "Tokyo") "21:00" else "13:00"
}

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = toolLoop(Endpoint.fromArgs(args), System.out)

fun toolLoop(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    val tools = Tools.builder()
        .add(typedTool<GetWeather>("get_weather", "Current weather")) { args -> "${args.city}: 18 C, clear" }
        .addMethods(Clock())
        .build()
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val loop = ToolLoop.builder(client, tools)
            .maxRounds(4)
            .listener(object : ToolLoopListener {
                override fun onToolResult(round: Int, call: ToolCall, result: ChatMessage) {
                    out.println("round $round: ${call.function?.name} -> ${result.content}")
                }
            })
            .build()

        val result = loop.runAsync(chatRequest(model = endpoint.model) { user("Weather and time in Tokyo?") }).await()

        out.println("answer: ${result.text} (${result.rounds} rounds)")
    }
}
