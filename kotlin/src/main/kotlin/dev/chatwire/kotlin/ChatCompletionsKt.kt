/**
 * Coroutines over ChatWire: a suspending `create` and a cold `Flow` of chunks.
 *
 * ```kotlin
 * val completion = client.chat().await(request)
 * client.chat().streamFlow(request).collect { print(it.choices.firstOrNull()?.delta?.content.orEmpty()) }
 * ```
 */
@file:JvmName("ChatWireCoroutines")

package dev.chatwire.kotlin

import dev.chatwire.ChatCompletions
import dev.chatwire.RequestOptions
import dev.chatwire.error.ChatWireException
import dev.chatwire.model.ChatCompletion
import dev.chatwire.model.ChatCompletionChunk
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.stream.ChunkAccumulator
import dev.chatwire.stream.StreamListener
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.channels.awaitClose
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.buffer
import kotlinx.coroutines.flow.callbackFlow
import kotlinx.coroutines.future.await
import java.util.concurrent.atomic.AtomicBoolean

/**
 * Sends [request] and suspends until the completion arrives, without blocking a thread.
 * Cancelling the coroutine cancels the call and releases its connection, and the coroutine ends
 * with its own cancellation (so `withTimeoutOrNull` returns null). Failures are thrown as the typed
 * [ChatWireException] subclasses.
 */
public suspend fun ChatCompletions.await(
    request: ChatCompletionRequest,
    options: RequestOptions = RequestOptions.none(),
): ChatCompletion = createAsync(request, options).await()

/**
 * The chunks of a streamed completion as a cold [Flow]: each collection sends one request, and
 * each chunk is emitted as soon as its bytes arrive. No thread is held while waiting (the chunks
 * arrive on the transport's threads). Chunks the collector has not taken yet are buffered, which
 * for a chat completion is bounded by the length of the answer. Cancelling the collector
 * (`withTimeout`, `take(n)`, `cancel()`) cancels the stream and releases the connection, and the
 * collector always sees its own cancellation, never ChatWire's `CancelledException`; a failure
 * ends the flow with its [ChatWireException], which carries the partial completion.
 */
public fun ChatCompletions.streamFlow(
    request: ChatCompletionRequest,
    options: RequestOptions = RequestOptions.none(),
): Flow<ChatCompletionChunk> = listenerFlow(request, options) { send ->
    StreamSink({ chunk -> send(chunk) }, { })
}

/** What a listener flow does with each chunk and with the completion; made per collection. */
internal class StreamSink(
    val onChunk: (ChatCompletionChunk) -> Unit,
    val onComplete: (ChatCompletion) -> Unit,
)

/**
 * The one cold [Flow] over [ChatCompletions.streamAsync] that [streamFlow] and [eventFlow] share:
 * [sink] is made per collection with the function that emits an element.
 */
internal fun <T> ChatCompletions.listenerFlow(
    request: ChatCompletionRequest,
    options: RequestOptions,
    sink: (send: (T) -> Unit) -> StreamSink,
): Flow<T> =
    callbackFlow {
        // Set before this flow cancels the call: the CancelledException that cancelling reports
        // must not close the channel. Closing it would hand the collector that exception, on
        // another thread, before the cancellation has reached the collector's own continuation,
        // and `withTimeoutOrNull` would throw instead of returning null. Left open, the channel
        // is closed by this producer's own cancellation once it completes.
        val cancelledHere = AtomicBoolean()
        val handler = sink { trySend(it) }
        val future =
            streamAsync(
                request,
                object : StreamListener {
                    override fun onChunk(chunk: ChatCompletionChunk) {
                        handler.onChunk(chunk)
                    }

                    override fun onComplete(completion: ChatCompletion) {
                        handler.onComplete(completion)
                        channel.close()
                    }

                    override fun onError(error: ChatWireException) {
                        if (!cancelledHere.get()) channel.close(error)
                    }
                },
                options,
            )
        awaitClose {
            cancelledHere.set(true)
            future.cancel(true)
        }
    }.buffer(Channel.UNLIMITED)

/**
 * Collects the chunks and accumulates them into the [ChatCompletion] a non-streaming call would
 * have returned.
 */
public suspend fun Flow<ChatCompletionChunk>.accumulate(): ChatCompletion {
    val accumulator = ChunkAccumulator()
    collect { accumulator.add(it) }
    return accumulator.snapshot()
}
