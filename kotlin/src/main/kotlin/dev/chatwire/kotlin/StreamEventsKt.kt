/**
 * Typed stream events as a cold `Flow`: content, refusal and tool-call argument deltas with the
 * partial value parsed so far, their done events, and the completion at the end.
 *
 * ```kotlin
 * client.chat().eventFlow(request).collect { event ->
 *     when (event) {
 *         is ContentDelta -> print(event.delta)
 *         is ToolCallArgumentsDelta -> show(event.name, event.partialValue)
 *         is ToolCallDone -> run(event.name, event.arguments)
 *         is CompletionDone -> println(event.completion.usage)
 *         else -> {}
 *     }
 * }
 * ```
 */
@file:JvmName("ChatWireEvents")

package dev.chatwire.kotlin

import dev.chatwire.ChatCompletions
import dev.chatwire.RequestOptions
import dev.chatwire.error.ChatWireException
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.stream.StreamEvent
import dev.chatwire.stream.StreamEvents
import java.util.function.Consumer
import kotlinx.coroutines.flow.Flow

/**
 * The typed [StreamEvent]s of a streamed completion as a cold [Flow] (see [StreamEvents]): each
 * collection sends one request; events are emitted as their chunks arrive, the last one a
 * [dev.chatwire.stream.CompletionDone]. Content is read as JSON, with partial values, when
 * [request] asks for a `json_schema` or `json_object` response format. No thread is held while
 * waiting; events not yet collected are buffered (bounded by the length of the answer).
 * Cancelling the collector (`withTimeout`, `take(n)`, `cancel()`) cancels the stream and releases
 * the connection, and the collector sees its own cancellation, never ChatWire's
 * `CancelledException`; a failure ends the flow with its [ChatWireException], which carries the
 * partial completion.
 */
public fun ChatCompletions.eventFlow(
    request: ChatCompletionRequest,
    options: RequestOptions = RequestOptions.none(),
): Flow<StreamEvent> = listenerFlow(request, options) { send ->
    val events = StreamEvents.forRequest(request)
    val sink = Consumer<StreamEvent> { send(it) }
    StreamSink({ chunk -> events.add(chunk, sink) }, { completion -> events.finish(completion, sink) })
}
