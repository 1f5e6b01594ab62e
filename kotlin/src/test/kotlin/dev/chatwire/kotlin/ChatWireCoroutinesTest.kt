package dev.chatwire.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.error.ConnectionException
import dev.chatwire.error.RateLimitException
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.RetryPolicy
import dev.chatwire.testkit.ChatServer
import dev.chatwire.testkit.Fault
import dev.chatwire.testkit.Gate
import dev.chatwire.testkit.MockResponse
import dev.chatwire.transport.jdk.JdkTransport
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.time.Duration

class ChatWireCoroutinesTest {
    private val server = ChatServer.start()
    private val transport = JdkTransport.create()
    private val client =
        ChatWire.builder()
            .baseUrl(server.url("/v1").toString())
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build()
    private val request = ChatCompletionRequest.builder().model("m").addUserMessage("hi").build()

    @AfterEach
    fun close() {
        client.close()
        transport.close()
        server.close()
    }

    private fun chunk(text: String) =
        """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"$text"},"finish_reason":null}]}"""

    @Test
    fun awaitReturnsTheCompletion() = runBlocking<Unit> {
        server.enqueue(
            MockResponse.json(
                """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}]}""",
            ),
        )
        val completion = client.chat().await(request)
        assertThat(completion.choices[0].message.content).isEqualTo("hello")
    }

    @Test
    fun awaitThrowsTheTypedError() {
        server.enqueue(MockResponse.error(429, """{"error":{"message":"slow down","type":"requests"}}"""))
        val e = assertThrows<RateLimitException> { runBlocking { client.chat().await(request) } }
        assertThat(e.status).isEqualTo(429)
    }

    @Test
    fun streamFlowEmitsChunksInOrderAndAccumulates() = runBlocking<Unit> {
        server.enqueue(MockResponse.sse(chunk("a"), chunk("b"), chunk("c")))
        val texts = client.chat().streamFlow(request).map { it.choices[0].delta.content.orEmpty() }.toList()
        assertThat(texts).containsExactly("a", "b", "c")

        server.enqueue(MockResponse.sse(chunk("x"), chunk("y")))
        val completion = client.chat().streamFlow(request).accumulate()
        assertThat(completion.choices[0].message.content).isEqualTo("xy")
    }

    @Test
    fun streamFlowFailureCarriesThePartialCompletion() {
        server.enqueue(MockResponse.sse(chunk("one"), chunk("two")).faultAtEvent(1, Fault.close()))
        val e = assertThrows<ConnectionException> { runBlocking { client.chat().streamFlow(request).toList() } }
        assertThat(e.partialCompletion?.choices?.get(0)?.message?.content).isEqualTo("one")
    }

    @Test
    fun cancellingTheCollectorReleasesTheConnection() = runBlocking<Unit> {
        val gate = Gate()
        server.enqueue(MockResponse.sse(chunk("first"), chunk("never")).faultAtEvent(1, Fault.stallUntil(gate)))
        val first = client.chat().streamFlow(request).first()
        assertThat(first.choices[0].delta.content).isEqualTo("first")
        val recorded = server.takeRequest(Duration.ofSeconds(10))!!
        assertThat(recorded.awaitClosed(Duration.ofSeconds(10))).isTrue()
        gate.release()
    }
}
