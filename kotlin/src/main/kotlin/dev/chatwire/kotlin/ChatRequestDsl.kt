/**
 * A Kotlin way to write a [ChatCompletionRequest]: the common parameters as named arguments, the
 * messages in a block.
 *
 * ```kotlin
 * val request = chatRequest(model = "gpt-4o-mini", temperature = 0.2, maxCompletionTokens = 200) {
 *     system("Answer in one sentence.")
 *     user("Why is the sky blue?")
 * }
 * ```
 */
@file:JvmName("ChatRequests")

package dev.chatwire.kotlin

import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.model.ChatMessage
import dev.chatwire.model.ResponseFormat
import dev.chatwire.model.Tool
import dev.chatwire.model.ToolChoice

/** Marks the request DSL, so a nested block cannot call an outer block's functions by mistake. */
@DslMarker
public annotation class ChatRequestDsl

/**
 * A request to [model] with the [messages] block's messages. Every parameter left null is not
 * sent, so the server's default applies. Number parameters take any [Number] (`temperature = 1`
 * reads as `1.0`). Anything else (`reasoningEffort`, `logprobs`, extra members for a provider)
 * goes in the block's [ChatMessagesBuilder.options].
 */
public fun chatRequest(
    model: String,
    temperature: Number? = null,
    topP: Number? = null,
    maxCompletionTokens: Int? = null,
    n: Int? = null,
    seed: Long? = null,
    stop: List<String>? = null,
    responseFormat: ResponseFormat? = null,
    tools: List<Tool> = emptyList(),
    toolChoice: ToolChoice? = null,
    messages: ChatMessagesBuilder.() -> Unit,
): ChatCompletionRequest {
    val builder = ChatCompletionRequest.builder()
        .model(model)
        .temperature(temperature?.toDouble())
        .topP(topP?.toDouble())
        .maxCompletionTokens(maxCompletionTokens)
        .n(n)
        .seed(seed)
        .responseFormat(responseFormat)
        .tools(tools)
        .toolChoice(toolChoice)
    if (stop != null) builder.stop(stop)
    ChatMessagesBuilder(builder).messages()
    return builder.build()
}

/** The messages of a [chatRequest], in the order written; the block's receiver. */
@ChatRequestDsl
public class ChatMessagesBuilder internal constructor(private val builder: ChatCompletionRequest.Builder) {
    /** A system message. */
    public fun system(content: String) {
        builder.addSystemMessage(content)
    }

    /** A developer message (OpenAI's newer name for system instructions). */
    public fun developer(content: String) {
        builder.addDeveloperMessage(content)
    }

    /** A user message. */
    public fun user(content: String) {
        builder.addUserMessage(content)
    }

    /** An earlier assistant answer, for a conversation's history. */
    public fun assistant(content: String) {
        builder.addAssistantMessage(content)
    }

    /** The result of tool call [toolCallId]. */
    public fun tool(toolCallId: String, content: String) {
        builder.addToolMessage(toolCallId, content)
    }

    /** Any message, such as a history kept from earlier turns. */
    public fun message(message: ChatMessage) {
        builder.addMessage(message)
    }

    /** Several messages, in order. */
    public fun messages(messages: Iterable<ChatMessage>) {
        messages.forEach { builder.addMessage(it) }
    }

    /** Sets what the named arguments do not cover on the underlying builder. */
    public fun options(configure: ChatCompletionRequest.Builder.() -> Unit) {
        builder.configure()
    }
}
