// Cancelling is structured concurrency: taking fewer chunks, or a timeout around the collector,
// cancels the stream and releases its connection; the coroutine sees its own cancellation.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.kotlin.streamFlow
import kotlinx.coroutines.flow.mapNotNull
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeoutOrNull
import java.io.PrintStream
import kotlin.time.Duration.Companion.milliseconds

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = cancellation(Endpoint.fromArgs(args), timeoutMillis = 5_000, System.out)

fun cancellation(endpoint: Endpoint, timeoutMillis: Long, out: PrintStream): Unit = runBlocking {
    val timeout = timeoutMillis.milliseconds
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val request = chatRequest(model = endpoint.model) { user("Count from 1 to 100, one number per line.") }
        val texts = client.chat().streamFlow(request).mapNotNull { it.choices.firstOrNull()?.delta?.content }

        // 1. Only the first three pieces: the rest of the stream is cancelled.
        val firstThree = texts.take(3).toList()
        out.println("first three: ${firstThree.joinToString("")}")

        // 2. Give up after a while: null when the time ran out, and the stream is cancelled.
        val shown = StringBuilder()
        val finished = withTimeoutOrNull(timeout) {
            texts.collect { shown.append(it) }
        }
        out.println(if (finished == null) "timed out after $timeout, shown: $shown" else "done: $shown")
    }
}
