// One question, one answer, from a coroutine: `await` suspends without blocking a thread.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = quickStart(Endpoint.fromArgs(args), System.out)

fun quickStart(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val request = chatRequest(model = endpoint.model, temperature = 0.2) {
            system("Answer in one sentence.")
            user("Why is the sky blue?")
        }

        val completion = client.chat().await(request)

        out.println(completion.text)
        completion.usage?.let { out.println("tokens: ${it.totalTokens}") }
    }
}
