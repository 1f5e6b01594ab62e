package dev.chatwire.stream

import dev.chatwire.json.ChatJson
import dev.chatwire.json.PartialJson
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The partial reader and the typed events as Kotlin sees them: real `T` and `T?` types. */
class StreamEventsKotlinTest {
    private fun chunk(delta: String, finish: String? = null) =
        ChatJson.readChunk(
            """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":$delta,"finish_reason":${if (finish == null) "null" else "\"$finish\""}}]}""",
        )

    @Test
    fun partialJsonReadsAsKotlinSeesIt() {
        val json = PartialJson()
        json.append("{\"a\": [1, \"x")
        val text: String? = json.closedText()
        val value: Any? = json.value()
        val complete: Boolean = json.isComplete
        assertThat(text).isEqualTo("{\"a\": [1, \"x\"]}")
        assertThat((value as Map<*, *>)["a"]).isEqualTo(listOf(1L, "x"))
        assertThat(complete).isFalse()
        assertThat(json.length()).isEqualTo(12)
    }

    @Test
    fun eventsMatchWithWhen() {
        val events = StreamEvents(false)
        val seen = mutableListOf<String>()
        val sink = { e: StreamEvent ->
            seen +=
                when (e) {
                    is ToolCallArgumentsDelta -> {
                        val id: String? = e.id
                        val name: String? = e.name
                        val partial: Any? = e.partialValue
                        "args ${e.choiceIndex}/${e.callIndex} $id $name ${e.delta} ${e.arguments} $partial"
                    }
                    is ToolCallDone -> "done ${e.id} ${e.name} ${e.arguments}"
                    is ContentDelta -> "content ${e.delta} ${e.content} ${e.isJson} ${e.partialValue}"
                    is ContentDone -> "contentDone ${e.content}"
                    is RefusalDelta -> "refusal ${e.delta} ${e.refusal}"
                    is RefusalDone -> "refusalDone ${e.refusal}"
                    is CompletionDone -> "completion ${e.completion.choices.size}"
                    else -> "unknown"
                }
            Unit
        }
        events.add(chunk("""{"content":"Hi"}"""), sink)
        events.add(chunk("""{"tool_calls":[{"index":0,"id":"c1","function":{"name":"f","arguments":"{\"q\":\"a"}}]}"""), sink)
        events.add(chunk("{}", "tool_calls"), sink)
        val accumulator = ChunkAccumulator()
        events.finish(accumulator.snapshot(), sink)

        assertThat(seen).containsExactly(
            "content Hi Hi false null",
            "args 0/0 c1 f {\"q\":\"a {\"q\":\"a {q=a}",
            "contentDone Hi",
            "done c1 f {\"q\":\"a",
            "completion 0",
        )
    }
}
