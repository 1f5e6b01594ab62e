// A model on your own machine: Ollama, vLLM or llama.cpp's server by base URL alone, no key.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.accumulate
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.kotlin.streamFlow
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL, Ollama's unless given] [model, llama3.2 unless given]. */
fun main(args: Array<String>) = localServer(Endpoint.fromArgs(args, "http://localhost:11434/v1", "llama3.2"), System.out)

fun localServer(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    // vLLM: http://localhost:8000/v1, llama.cpp: http://localhost:8080/v1
    ChatWire.builder().baseUrl(endpoint.baseUrl).build().use { client ->
        val request = chatRequest(model = endpoint.model) { user("What is 17 * 23?") }

        val whole = client.chat().streamFlow(request)
            .onEach { out.print(it.choices.firstOrNull()?.delta?.content.orEmpty()) }
            .accumulate()

        out.println()
        whole.choices[0].message.reasoningContent?.let { out.println("(thought: $it)") }
    }
}
