package dev.chatwire.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.RetryPolicy
import dev.chatwire.error.ChatWireException
import dev.chatwire.error.RateLimitException
import dev.chatwire.model.ChatCompletion
import dev.chatwire.model.ChatCompletionChunk
import dev.chatwire.model.ChatCompletionMessage
import dev.chatwire.model.Delta
import dev.chatwire.model.FinishReason
import dev.chatwire.model.Usage
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.testkit.ChatServer
import dev.chatwire.testkit.MockResponse
import dev.chatwire.transport.jdk.JdkTransport
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import kotlin.reflect.KType
import kotlin.reflect.typeOf

/**
 * Uses the public API as Kotlin code does and checks the types Kotlin sees. The build compiles
 * this module with `-Xjspecify-annotations=strict`: a JSpecify `@Nullable` getter is then `T?`
 * (so assigning it to a `T` is a compile error, which [StrictNullnessCompilerTest] shows) and every
 * other getter is `T`. Without the flag Kotlin 2.0 sees platform types (`T!`), which take both,
 * and these checks fail.
 */
class KotlinNullnessTest {
    private val server = ChatServer.start()
    private val transport = JdkTransport.create()
    private val client: ChatWire =
        ChatWire.builder()
            .baseUrl(server.url("/v1").toString())
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build()
    private val request: ChatCompletionRequest =
        ChatCompletionRequest.builder().model("m").addUserMessage("hi").build()

    @AfterEach
    fun close() {
        client.close()
        transport.close()
        server.close()
    }

    /** The static type Kotlin inferred for [value]; a platform type `T!` equals neither `T` nor `T?`. */
    private inline fun <reified T> staticType(
        @Suppress("UNUSED_PARAMETER") value: T,
    ): KType = typeOf<T>()

    @Test
    fun streamedChunkGettersAreNullableExactlyWhereAnnotated() = runBlocking<Unit> {
        server.enqueue(MockResponse.sse(CHUNK))
        val flow: Flow<ChatCompletionChunk> = client.chat().streamFlow(request)
        val chunk = flow.toList().single()
        val choice = chunk.choices[0]

        assertThat(staticType(chunk.id)).isEqualTo(typeOf<String?>())
        assertThat(staticType(chunk.model)).isEqualTo(typeOf<String?>())
        assertThat(staticType(chunk.usage)).isEqualTo(typeOf<Usage?>())
        assertThat(staticType(choice.finishReason)).isEqualTo(typeOf<FinishReason?>())
        assertThat(staticType(choice.delta.content)).isEqualTo(typeOf<String?>())
        assertThat(staticType(choice.delta)).isEqualTo(typeOf<Delta>())
        assertThat(staticType(choice.index)).isEqualTo(typeOf<Int>())
        assertThat(choice.delta.content).isEqualTo("hi")
    }

    @Test
    fun completionGettersAreNullableExactlyWhereAnnotated() = runBlocking<Unit> {
        server.enqueue(MockResponse.json(COMPLETION))
        val completion: ChatCompletion = client.chat().await(request)
        val choice = completion.choices[0]

        assertThat(staticType(completion.id)).isEqualTo(typeOf<String?>())
        assertThat(staticType(completion.systemFingerprint)).isEqualTo(typeOf<String?>())
        assertThat(staticType(choice.message)).isEqualTo(typeOf<ChatCompletionMessage>())
        assertThat(staticType(choice.message.content)).isEqualTo(typeOf<String?>())
        assertThat(staticType(choice.message.refusal)).isEqualTo(typeOf<String?>())
        assertThat(choice.message.content).isEqualTo("hello")

        server.enqueue(MockResponse.sse(CHUNK))
        val accumulated: ChatCompletion = client.chat().streamFlow(request).accumulate()
        assertThat(staticType(accumulated.choices[0].message.content)).isEqualTo(typeOf<String?>())
    }

    @Test
    fun errorGettersAreNullableExactlyWhereAnnotated() {
        server.enqueue(MockResponse.error(429, """{"error":{"message":"slow down","type":"requests"}}"""))
        val e = assertThrows<RateLimitException> { runBlocking { client.chat().await(request) } }
        val root: ChatWireException = e

        assertThat(staticType(e.status)).isEqualTo(typeOf<Int>())
        assertThat(staticType(e.type)).isEqualTo(typeOf<String?>())
        assertThat(staticType(e.requestId)).isEqualTo(typeOf<String?>())
        assertThat(staticType(root.partialCompletion)).isEqualTo(typeOf<ChatCompletion?>())
        assertThat(e.type).isEqualTo("requests")
    }

    private companion object {
        const val CHUNK =
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"""
        const val COMPLETION =
            """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}]}"""
    }
}
