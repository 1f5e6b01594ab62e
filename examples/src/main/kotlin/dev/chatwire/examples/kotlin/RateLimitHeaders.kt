// How much of your rate limit is left, from the headers of successful responses, seen by an
// EventListener, so a client can slow down before it is refused.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.EventListener
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.transport.Headers
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = rateLimitHeaders(Endpoint.fromArgs(args), System.out)

fun rateLimitHeaders(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    val rateLimits = object : EventListener() {
        // Runs on the call's thread of the moment: keep it quick, hand the numbers on.
        override fun responseHeaders(status: Int, headers: Headers) {
            out.println(
                "HTTP $status: requests left ${headers["x-ratelimit-remaining-requests"]}" +
                    " of ${headers["x-ratelimit-limit-requests"]}" +
                    ", tokens left ${headers["x-ratelimit-remaining-tokens"]}" +
                    ", requests reset in ${headers["x-ratelimit-reset-requests"]}",
            )
        }
    }
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).eventListener(rateLimits).build().use { client ->
        out.println("answer: ${client.chat().await(chatRequest(model = endpoint.model) { user("Say hi.") }).text}")
    }
}
