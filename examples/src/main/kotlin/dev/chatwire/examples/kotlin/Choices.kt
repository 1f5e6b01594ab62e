// Several answers to one request (n = 3), one choice each, by index.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = choices(Endpoint.fromArgs(args), System.out)

fun choices(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val request = chatRequest(model = endpoint.model, n = 3, temperature = 1) {
            user("Suggest a name for a coffee shop. Only the name.")
        }

        val completion = client.chat().await(request)

        for (choice in completion.choices) out.println("${choice.index}: ${choice.message.content}")
    }
}
