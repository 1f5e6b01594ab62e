// A stream as typed events in a Flow: text as it arrives, tool-call arguments with the partial
// value parsed so far, each call when it is whole, and the completion at the end.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.kotlin.eventFlow
import dev.chatwire.model.Tool
import dev.chatwire.stream.CompletionDone
import dev.chatwire.stream.ContentDelta
import dev.chatwire.stream.ContentDone
import dev.chatwire.stream.RefusalDelta
import dev.chatwire.stream.ToolCallArgumentsDelta
import dev.chatwire.stream.ToolCallDone
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

private val bookTable = Tool.function(
    "book_table",
    "Books a restaurant table",
    """{"type":"object","properties":{"city":{"type":"string"},"guests":{"type":"integer"}},"required":["city","guests"],"additionalProperties":false}""",
)

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = eventFlowExample(Endpoint.fromArgs(args), System.out)

fun eventFlowExample(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val request = chatRequest(model = endpoint.model, tools = listOf(bookTable)) {
            user("Book a table for two in Rome tonight, and tell me what you did.")
        }

        client.chat().eventFlow(request).collect { event ->
            when (event) {
                is ContentDelta -> out.println("text: ${event.delta}")
                is ContentDone -> out.println("text done: ${event.content}")
                is RefusalDelta -> out.println("refusal: ${event.delta}")
                is ToolCallArgumentsDelta -> out.println("${event.name} so far: ${event.partialValue}")
                is ToolCallDone -> out.println("call ${event.id}: ${event.name}${event.arguments}")
                is CompletionDone -> out.println("finish_reason: ${event.completion.choices[0].finishReason}")
                else -> {}
            }
        }
    }
}
