package dev.chatwire.sse

import java.nio.ByteBuffer
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test

/** The SSE API as Kotlin sees it: a SAM listener, non-null strings, properties for getters. */
class SseDecoderKotlinTest {

  @Test
  fun kotlinLambdaReceivesEventsAndRetry() {
    val events = mutableListOf<String>()
    val retries = mutableListOf<Long>()
    val listener = object : SseListener {
      override fun onEvent(type: String, lastEventId: String, data: ByteArray, offset: Int, length: Int) {
        events += "$type/$lastEventId/${String(data, offset, length, Charsets.UTF_8)}"
      }

      override fun onRetry(reconnectionTimeMillis: Long) {
        retries += reconnectionTimeMillis
      }
    }
    val decoder = SseDecoder(listener, 4 * 1024)
    decoder.feed(ByteBuffer.wrap("retry: 10\nid: 1\nevent: add\ndata: x\n\ndata: [DONE]\n\n".toByteArray()))
    decoder.end()

    assertThat(events).containsExactly("add/1/x", "message/1/[DONE]")
    assertThat(retries).containsExactly(10L)
    assertThat(decoder.lastEventId).isEqualTo("1")
    assertThat(decoder.maxEventSize).isEqualTo(4 * 1024)
  }

  @Test
  fun samConversionAndDoneHelper() {
    var done = false
    val decoder = SseDecoder { _, _, data, offset, length -> done = SseDecoder.isDone(data, offset, length) }
    val bytes = "data: [DONE]\n\n".toByteArray()
    decoder.feed(bytes, 0, bytes.size)
    assertThat(done).isTrue()
  }

  @Test
  fun eventTooLargeIsADecodeException() {
    val decoder = SseDecoder({ _, _, _, _, _ -> }, 8)
    val bytes = "data: 0123456789\n\n".toByteArray()
    assertThatThrownBy { decoder.feed(bytes, 0, bytes.size) }
      .isInstanceOf(EventTooLargeException::class.java)
      .hasMessageContaining("exceeds the allowed maximum (8)")
  }
}
