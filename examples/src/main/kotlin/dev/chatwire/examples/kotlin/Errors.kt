// Errors by what you do about them: every ChatWire exception is unchecked, and its type says
// whether to fix the key, fix the request, wait, or try again later.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.RetryPolicy
import dev.chatwire.error.ApiException
import dev.chatwire.error.AuthenticationException
import dev.chatwire.error.BadRequestException
import dev.chatwire.error.ChatWireException
import dev.chatwire.error.ChatWireTimeoutException
import dev.chatwire.error.ConnectionException
import dev.chatwire.error.RateLimitException
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = errorHandling(Endpoint.fromArgs(args), System.out)

fun errorHandling(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    val client = ChatWire.builder()
        .baseUrl(endpoint.baseUrl)
        .apiKey(endpoint.apiKey)
        .retryPolicy(RetryPolicy.builder().maxRetries(1).build())   // rate limits are retried once first
        .build()
    client.use {
        val request = chatRequest(model = endpoint.model) { user("Hello") }
        try {
            out.println("answer: ${client.chat().await(request).text}")
        } catch (e: ChatWireException) {
            out.println(explain(e))
        }
    }
}

/** What to tell a user about [e]; the most specific types first. */
fun explain(e: ChatWireException): String = when (e) {
    is AuthenticationException -> "check the API key: ${e.message}"
    is RateLimitException -> "rate limited, the server asks to wait ${e.retryAfter} (request ${e.requestId})"
    is BadRequestException -> "fix the request: param=${e.param}, code=${e.code}: ${e.error.message}"
    is ApiException -> "HTTP ${e.status} ${e.type}: ${e.message}"
    is ChatWireTimeoutException -> "timed out after ${e.timeout}"
    is ConnectionException -> "could not reach the server: ${e.message}"
    else -> "failed: ${e.message}"
}
