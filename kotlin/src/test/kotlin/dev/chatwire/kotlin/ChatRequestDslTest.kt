package dev.chatwire.kotlin

import dev.chatwire.model.ChatCompletionRequest
import dev.chatwire.model.ChatMessage
import dev.chatwire.model.ReasoningEffort
import dev.chatwire.model.ResponseFormat
import dev.chatwire.model.Role
import dev.chatwire.model.Stop
import dev.chatwire.model.Tool
import dev.chatwire.model.ToolChoice
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.Test

class ChatRequestDslTest {
    @Test
    fun namedArgumentsAndTheBlockBuildWhatTheBuilderBuilds() {
        val tool = Tool.function("get_weather", "Current weather", """{"type":"object"}""")

        val request = chatRequest(
            model = "gpt-4o-mini",
            temperature = 1,
            topP = 0.5f,
            maxCompletionTokens = 200,
            n = 2,
            seed = 7,
            stop = listOf("END"),
            responseFormat = ResponseFormat.JSON_OBJECT,
            tools = listOf(tool),
            toolChoice = ToolChoice.AUTO,
        ) {
            system("Be brief.")
            developer("Use metric units.")
            user("Weather in Oslo?")
            assistant("Calling the tool.")
            tool("call_1", "12 C")
            message(ChatMessage.user("And tomorrow?"))
            messages(listOf(ChatMessage.assistant("Sunny.")))
            options { reasoningEffort(ReasoningEffort.LOW).putExtra("top_k", 40) }
        }

        val expected = ChatCompletionRequest.builder()
            .model("gpt-4o-mini").temperature(1.0).topP(0.5).maxCompletionTokens(200).n(2).seed(7L)
            .stop(listOf("END")).responseFormat(ResponseFormat.JSON_OBJECT).addTool(tool)
            .toolChoice(ToolChoice.AUTO)
            .addSystemMessage("Be brief.").addDeveloperMessage("Use metric units.")
            .addUserMessage("Weather in Oslo?").addAssistantMessage("Calling the tool.")
            .addToolMessage("call_1", "12 C").addUserMessage("And tomorrow?")
            .addAssistantMessage("Sunny.")
            .reasoningEffort(ReasoningEffort.LOW).putExtra("top_k", 40)
            .build()
        assertThat(request).isEqualTo(expected)
        assertThat(request.stop).isEqualTo(Stop.of(listOf("END")))
    }

    @Test
    fun parametersLeftOutAreNotSent() {
        val request = chatRequest(model = "llama3.2") { user("Hi") }

        assertThat(request).isEqualTo(
            ChatCompletionRequest.builder().model("llama3.2").addUserMessage("Hi").build(),
        )
        assertThat(request.temperature).isNull()
        assertThat(request.stop).isNull()
        assertThat(request.messages.map { it.role }).containsExactly(Role.USER)
    }
}
