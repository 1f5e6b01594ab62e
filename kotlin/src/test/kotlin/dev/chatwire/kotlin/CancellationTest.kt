package dev.chatwire.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.RetryPolicy
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.testkit.ChatServer
import dev.chatwire.testkit.Fault
import dev.chatwire.testkit.Gate
import dev.chatwire.testkit.MockResponse
import dev.chatwire.transport.Transport
import dev.chatwire.transport.jdk.JdkTransport
import dev.chatwire.transport.netty.NettyTransport
import dev.chatwire.transport.okhttp.OkHttpTransport
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.cancel
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.take
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.withTimeoutOrNull
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.EnumSource
import java.time.Duration
import java.util.concurrent.CancellationException
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.random.Random

/**
 * A cancellation the caller caused surfaces as that cancellation, never as ChatWire's
 * `CancelledException`, on every transport over real sockets. Each scenario runs [ITERATIONS]
 * times (50; `-Dchatwire.cancellation.iterations=N` for more) with seeded cancellation times spread
 * over the first chunks, so that the cancellation lands before the response, while a chunk is being
 * delivered and between chunks; odd iterations collect on [Dispatchers.Default], where the
 * collector and the cancellation run on different threads, even ones on `runBlocking`'s own thread.
 */
class CancellationTest {
    /** The transports under test. */
    enum class Wire(val create: () -> Transport) {
        OKHTTP({ OkHttpTransport.create() }),
        NETTY({ NettyTransport.create() }),
        JDK({ JdkTransport.create() }),
    }

    private val server = ChatServer.start()
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val transports = mutableListOf<Transport>()
    private val clients = mutableListOf<ChatWire>()
    private val streamRequest = ChatCompletionRequest.builder().model("m").addUserMessage("stream").build()
    private val plainRequest = ChatCompletionRequest.builder().model("m").addUserMessage("plain").build()

    init {
        // A stream of 300 chunks, 3 ms apart; a plain answer whose 6 kB arrive 60 bytes a millisecond.
        val stream = MockResponse.sse((1..300).map { chunk("t$it ") }).eventDelay(Duration.ofMillis(3))
        val plain = MockResponse.json(completion("x".repeat(6_000))).throttle(60, Duration.ofMillis(1))
        server.setDispatcher { request -> if (request.bodyUtf8.contains("\"stream\":true")) stream else plain }
    }

    @AfterEach
    fun close() {
        scope.cancel()
        clients.forEach { it.close() }
        transports.forEach { it.close() }
        server.close()
    }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun withTimeoutOrNullAroundStreamFlowReturnsNull(wire: Wire) =
        repeatOn(wire) { client, random ->
            val text = StringBuilder()
            val result =
                withTimeoutOrNull(random.nextLong(1, 40)) {
                    client.chat().streamFlow(streamRequest).collect { text.append(it.choices[0].delta.content) }
                    "the stream ended"
                }
            assertThat(result).isNull()
        }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun withTimeoutAroundStreamFlowThrowsItsTimeout(wire: Wire) =
        repeatOn(wire) { client, random ->
            val thrown =
                runCatching {
                    withTimeout(random.nextLong(1, 40)) {
                        client.chat().streamFlow(streamRequest).collect { it.choices.size }
                    }
                }.exceptionOrNull()
            assertThat(thrown).isInstanceOf(TimeoutCancellationException::class.java)
        }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun takeEndsTheFlowAfterItsCountWithoutAnError(wire: Wire) =
        repeatOn(wire) { client, random ->
            val count = random.nextInt(1, 6)
            val chunks = withTimeout(10_000) { client.chat().streamFlow(streamRequest).take(count).toList() }
            assertThat(chunks).hasSize(count)
            assertThat(chunks.last().choices[0].delta.content).isEqualTo("t$count ")
        }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun cancelAndJoinEndsTheCollectorWithItsCancellation(wire: Wire) =
        repeatOn(wire) { client, random ->
            val first = CompletableDeferred<Unit>()
            val job = scope.launch { client.chat().streamFlow(streamRequest).collect { first.complete(Unit) } }
            if (random.nextBoolean()) withTimeout(10_000) { first.await() } else delay(random.nextLong(0, 20))
            job.cancelAndJoin()
            assertThat(job.completionCause()).isInstanceOf(CancellationException::class.java)
        }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun withTimeoutOrNullAroundAwaitReturnsNull(wire: Wire) =
        repeatOn(wire) { client, random ->
            val result = withTimeoutOrNull(random.nextLong(1, 60)) { client.chat().await(plainRequest) }
            assertThat(result).isNull()
        }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun cancellingAwaitCancelsTheCall(wire: Wire) =
        runBlocking<Unit> {
            val gate = Gate()
            server.setDispatcher { MockResponse.json(completion("late")).faultBeforeHeaders(Fault.stallUntil(gate)) }
            val client = client(wire)
            val job = scope.launch { client.chat().await(plainRequest) }
            val recorded = server.takeRequest(Duration.ofSeconds(10))!!
            job.cancelAndJoin()
            assertThat(job.completionCause()).isInstanceOf(CancellationException::class.java)
            assertThat(recorded.awaitClosed(Duration.ofSeconds(10))).isTrue()
            gate.release()
        }

    @ParameterizedTest
    @EnumSource(Wire::class)
    fun cancellingTheCollectorCancelsTheCall(wire: Wire) =
        runBlocking<Unit> {
            val client = client(wire)
            val first = CompletableDeferred<Unit>()
            val job = scope.launch { client.chat().streamFlow(streamRequest).collect { first.complete(Unit) } }
            withTimeout(10_000) { first.await() }
            val recorded = server.takeRequest(Duration.ofSeconds(10))!!
            job.cancelAndJoin()
            assertThat(job.completionCause()).isInstanceOf(CancellationException::class.java)
            assertThat(recorded.awaitClosed(Duration.ofSeconds(10))).isTrue()
        }

    private fun client(wire: Wire): ChatWire {
        val transport = wire.create().also { transports += it }
        return ChatWire.builder()
            .baseUrl(server.url("/v1").toString())
            .transport(transport)
            .retryPolicy(RetryPolicy.none())
            .build()
            .also { clients += it }
    }

    private fun repeatOn(
        wire: Wire,
        iteration: suspend CoroutineScope.(ChatWire, Random) -> Unit,
    ) {
        val client = client(wire)
        for (i in 0 until ITERATIONS) {
            val context: CoroutineContext = if (i % 2 == 0) EmptyCoroutineContext else Dispatchers.Default
            val random = Random(wire.ordinal * 1_000_003L + i)
            try {
                runBlocking(context) { iteration(client, random) }
            } catch (e: Throwable) {
                throw AssertionError("iteration $i of $ITERATIONS on $wire failed", e)
            }
        }
    }

    private fun kotlinx.coroutines.Job.completionCause(): Throwable? {
        var cause: Throwable? = null
        invokeOnCompletion { cause = it }
        return cause
    }

    private companion object {
        val ITERATIONS: Int = Integer.getInteger("chatwire.cancellation.iterations", 50)

        fun chunk(text: String) =
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"$text"},"finish_reason":null}]}"""

        fun completion(text: String) =
            """{"id":"c1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"$text"},"finish_reason":"stop"}]}"""
    }
}
