package dev.chatwire.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.RetryPolicy
import dev.chatwire.error.ChatWireException
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.model.ResponseFormat
import dev.chatwire.stream.CompletionDone
import dev.chatwire.stream.ContentDelta
import dev.chatwire.stream.ContentDone
import dev.chatwire.stream.StreamEvent
import dev.chatwire.stream.ToolCallArgumentsDelta
import dev.chatwire.stream.ToolCallDone
import dev.chatwire.testkit.ChatServer
import dev.chatwire.testkit.Fault
import dev.chatwire.testkit.MockResponse
import dev.chatwire.transport.jdk.JdkTransport
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeoutOrNull
import kotlin.coroutines.EmptyCoroutineContext
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

class EventFlowTest {
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

    private fun chunk(delta: String, finish: String? = null) =
        """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":$delta,"finish_reason":${if (finish == null) "null" else "\"$finish\""}}]}"""

    private fun describe(event: StreamEvent): String =
        when (event) {
            is ContentDelta -> "content ${event.delta} ${event.partialValue}"
            is ContentDone -> "contentDone ${event.content}"
            is ToolCallArgumentsDelta -> "args ${event.callIndex} ${event.id} ${event.name} ${event.partialValue}"
            is ToolCallDone -> "done ${event.callIndex} ${event.id} ${event.name} ${event.arguments}"
            is CompletionDone -> "completion ${event.completion.choices[0].finishReason}"
            else -> event.toString()
        }

    @Test
    fun eventFlowShowsAStructuredAnswerAsItForms() = runBlocking<Unit> {
        server.enqueue(
            MockResponse.sse(
                chunk("""{"content":"{\"name\": \"Ad"}"""),
                chunk("""{"content":"a\", \"age\": 36"}"""),
                chunk("""{"content":"}"}""", "stop"),
            ),
        )
        val structured = request.toBuilder().responseFormat(ResponseFormat.JSON_OBJECT).build()

        val events = client.chat().eventFlow(structured).toList().map(::describe)

        assertThat(events).containsExactly(
            "content {\"name\": \"Ad {name=Ad}",
            "content a\", \"age\": 36 {name=Ada}",
            "content } {name=Ada, age=36}",
            "contentDone {\"name\": \"Ada\", \"age\": 36}",
            "completion stop",
        )
    }

    @Test
    fun eventFlowGivesEachToolCallAsItForms() = runBlocking<Unit> {
        server.enqueue(
            MockResponse.sse(
                chunk("""{"tool_calls":[{"index":0,"id":"c_a","type":"function","function":{"name":"add","arguments":"{\"a\":"}}]}"""),
                chunk("""{"tool_calls":[{"index":0,"function":{"arguments":"2}"}}]}"""),
                chunk("""{"tool_calls":[{"index":1,"id":"c_b","type":"function","function":{"name":"neg","arguments":"{\"b\":-1}"}}]}"""),
                chunk("{}", "tool_calls"),
            ),
        )

        val events = client.chat().eventFlow(request).toList().map(::describe)

        assertThat(events).containsExactly(
            "args 0 c_a add {}",
            "args 0 c_a add {a=2}",
            "done 0 c_a add {\"a\":2}",
            "args 1 c_b neg {b=-1}",
            "done 1 c_b neg {\"b\":-1}",
            "completion tool_calls",
        )
    }

    @Test
    fun eventFlowFailureCarriesThePartialCompletion() {
        server.enqueue(
            MockResponse.sse(chunk("""{"content":"one"}"""), chunk("""{"content":"two"}"""))
                .faultAtEvent(1, Fault.close()),
        )
        val e = assertThrows<ChatWireException> { runBlocking { client.chat().eventFlow(request).toList() } }
        assertThat(e.partialCompletion?.choices?.get(0)?.message?.content).isEqualTo("one")
    }

    @Test
    fun withTimeoutOrNullAroundEventFlowReturnsNull() = runBlocking<Unit> {
        val random = kotlin.random.Random(7)
        repeat(30) { round ->
            server.enqueue(
                MockResponse.sse((1..300).map { chunk("""{"content":"t$it "}""") })
                    .eventDelay(java.time.Duration.ofMillis(3)),
            )
            val result =
                withContext(if (round % 2 == 0) Dispatchers.Default else EmptyCoroutineContext) {
                    withTimeoutOrNull(random.nextLong(1, 40)) {
                        client.chat().eventFlow(request).collect { (it as ContentDelta).delta }
                        "the stream ended"
                    }
                }
            assertThat(result).isNull()
        }
    }

    @Test
    fun collectingTheFirstEventCancelsTheStream() = runBlocking<Unit> {
        server.enqueue(MockResponse.sse(chunk("""{"content":"a"}"""), chunk("""{"content":"b"}""")))
        val first = client.chat().eventFlow(request).first()
        assertThat((first as ContentDelta).delta).isEqualTo("a")
    }
}
