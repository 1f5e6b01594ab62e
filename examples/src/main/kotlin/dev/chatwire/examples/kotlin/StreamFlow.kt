// A streamed answer as a Kotlin Flow: each piece printed as it arrives, and the chunks
// accumulated into the whole completion at the end.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.accumulate
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.kotlin.streamFlow
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = streamingFlow(Endpoint.fromArgs(args), System.out)

fun streamingFlow(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val request = chatRequest(model = endpoint.model) { user("Write a haiku about bytes.") }

        val whole = client.chat().streamFlow(request)
            .onEach { chunk -> out.print(chunk.choices.firstOrNull()?.delta?.content.orEmpty()) }
            .accumulate()

        out.println()
        out.println("finish_reason: ${whole.choices[0].finishReason}, tokens: ${whole.usage?.totalTokens}")
    }
}
