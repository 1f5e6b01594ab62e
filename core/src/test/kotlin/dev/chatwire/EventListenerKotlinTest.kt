package dev.chatwire

import dev.chatwire.error.ChatWireException
import dev.chatwire.json.ChatJson
import dev.chatwire.model.ChatCompletion
import dev.chatwire.model.ChatCompletionChunk
import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.transport.Headers
import dev.chatwire.transport.HttpRequest
import java.net.URI
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

/** The listener API as Kotlin sees it: overridable events, a lambda sink, non-null typed values. */
class EventListenerKotlinTest {
  private val request = ChatCompletionRequest.builder().model("gpt-k").addUserMessage("Hi").build()
  private val key = "QQkotlinKEY987654321"
  private val http = HttpRequest.builder().method("POST")
    .uri(URI.create("http://127.0.0.1:9/v1/chat/completions"))
    .headers(Headers.of("Authorization", "Bearer $key", "x-echo", "k=$key"))
    .body("{}".toByteArray())
    .build()
  private val completion: ChatCompletion = ChatJson.readCompletion(
    """{"id":"c1","object":"chat.completion","created":1,"model":"gpt-k-1","choices":[{"index":0,""" +
      """"message":{"role":"assistant","content":"ok"},"finish_reason":"length"}],""" +
      """"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}""")

  @Test
  fun aKotlinListenerOverridesTheTypedEvents() {
    val seen = mutableListOf<String>()
    val listener = object : EventListener() {
      override fun callStart(request: ChatCompletionRequest, httpRequest: HttpRequest) {
        seen += "start ${request.model}"
      }

      override fun chunk(chunk: ChatCompletionChunk) {
        seen += "chunk"
      }

      override fun callEnd(completion: ChatCompletion) {
        seen += "end ${completion.usage?.totalTokens}"
      }

      override fun callFailed(error: ChatWireException) {
        seen += "failed"
      }
    }
    val factory = EventListener.Factory.all(EventListener.Factory { listener }, EventListener.Factory { EventListener.NONE })
    val call = factory.create(request)
    call.callStart(request, http)
    call.callEnd(completion)

    assertThat(seen).containsExactly("start gpt-k", "end 14")
  }

  @Test
  fun headersLevelHidesTheKeyInEveryHeader() {
    val lines = mutableListOf<String>()
    val call = LoggingEventListener.builder()
      .level(LoggingEventListener.Level.HEADERS)
      .sink { lines += it }
      .build()
      .create(request)
    call.callStart(request, http)
    call.attemptStart(http, 1)
    call.responseHeaders(200, Headers.of("set-cookie", "s=1", "x-request-id", "r-1"))
    call.callEnd(completion)

    assertThat(lines).allMatch { it.startsWith("[chatwire ") }
    assertThat(lines.joinToString("\n"))
      .contains("--> POST http://127.0.0.1:9/v1/chat/completions model=gpt-k (2-byte body)")
      .contains("Authorization: ██")
      .contains("set-cookie: ██")
      .contains("x-request-id: r-1")
      .contains("model=gpt-k-1 id=c1 finish=length usage=5 in + 9 out = 14 tokens")
      .doesNotContain("QQkotlin")
  }
}
