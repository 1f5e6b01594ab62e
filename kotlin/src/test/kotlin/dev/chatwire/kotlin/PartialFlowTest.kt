package dev.chatwire.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.RetryPolicy
import dev.chatwire.structured.OutputMismatchException
import dev.chatwire.structured.RefusalException
import dev.chatwire.structured.responseFormat
import dev.chatwire.testkit.ChatServer
import dev.chatwire.testkit.MockResponse
import dev.chatwire.transport.jdk.JdkTransport
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Duration

data class City(val name: String, val sights: List<String> = emptyList(), val tip: String? = null)

class PartialFlowTest {
    private val server = ChatServer.start()
    private val transport = JdkTransport.create()
    private val client = ChatWire.builder()
        .baseUrl(server.url("/v1").toString())
        .transport(transport)
        .retryPolicy(RetryPolicy.none())
        .build()
    private val request = chatRequest(model = "m", responseFormat = responseFormat<City>()) { user("A city?") }

    @AfterEach
    fun close() {
        client.close()
        transport.close()
        server.close()
    }

    private fun chunk(delta: String, finish: String? = null) =
        """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":$delta,"finish_reason":${if (finish == null) "null" else "\"$finish\""}}]}"""

    private fun content(text: String) = chunk("""{"content":${"\"" + text.replace("\"", "\\\"") + "\""}}""")

    @Test
    fun emitsEachPartialThenTheWholeAnswer() = runBlocking<Unit> {
        server.enqueue(MockResponse.sse(
            content("""{"name":"Li"""),
            content("""sbon","sights":["Alfa"""),
            content("""ma"],"tip":null}"""),
            chunk("{}", "stop"),
        ))

        val cities = client.chat().partialFlow<City>(request).toList()

        assertThat(cities).containsExactly(
            City("Li"),
            City("Lisbon", listOf("Alfa")),
            City("Lisbon", listOf("Alfama")),
            City("Lisbon", listOf("Alfama")),
        )
        val sent = server.takeRequest(Duration.ofSeconds(5))!!.bodyUtf8
        assertThat(sent).contains("\"json_schema\"", "\"name\":\"City\"", "\"stream\":true")
    }

    @Test
    fun aRefusalEndsTheFlowWithItsException() = runBlocking<Unit> {
        server.enqueue(MockResponse.sse(chunk("""{"refusal":"I can't help with that."}"""), chunk("{}", "stop")))

        val e = assertThrows<RefusalException> { client.chat().partialFlow(request, City::class.java).toList() }

        assertThat(e.message).contains("refus")
    }

    @Test
    fun anAnswerThatDoesNotFitEndsTheFlowWithAMismatch() = runBlocking<Unit> {
        server.enqueue(MockResponse.sse(content("""{"sights":[]}"""), chunk("{}", "stop")))

        assertThrows<OutputMismatchException> { client.chat().partialFlow<City>(request).toList() }
    }
}
