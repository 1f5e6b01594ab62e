// A structured answer into a Kotlin data class: the schema comes from the class (every property
// required, `T?` nullable), each partial answer is shown while it streams, and the last value of
// the flow is the whole answer, read strictly.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.chatRequest
import dev.chatwire.kotlin.partialFlow
import dev.chatwire.structured.Description
import dev.chatwire.structured.StructuredOutputException
import dev.chatwire.structured.responseFormat
import kotlinx.coroutines.flow.onEach
import kotlinx.coroutines.flow.last
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

@Description("A weekend trip")
data class Trip(
    val city: String,
    @field:Description("Nights to stay") val nights: Int = 2,
    val sights: List<String> = emptyList(),
    @field:Description("A short tip, or null") val tip: String? = null,
)

/** Arguments: [base URL] [model]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = structuredAnswer(Endpoint.fromArgs(args), System.out)

fun structuredAnswer(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder().baseUrl(endpoint.baseUrl).apiKey(endpoint.apiKey).build().use { client ->
        val request = chatRequest(model = endpoint.model, responseFormat = responseFormat<Trip>()) {
            user("Plan a weekend trip to a European city.")
        }
        try {
            val trip = client.chat().partialFlow<Trip>(request)
                .onEach { soFar -> out.println("... $soFar") }
                .last()
            out.println("${trip.city} for ${trip.nights} nights: ${trip.sights.joinToString()}; tip: ${trip.tip ?: "none"}")
        } catch (e: StructuredOutputException) {   // a refusal, a cut-off or an answer that does not fit
            out.println("no trip: ${e.message}")
        }
    }
}
