package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionChunk;
import dev.chatwire.model.ChunkChoice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.Role;
import dev.chatwire.model.ServiceTier;
import org.junit.jupiter.api.Test;

/**
 * Every top-level member of the five schemas the library must read: OpenAI's chunk and
 * completion, a generated client's chunk, a chunk with vLLM's {@code stop_reason}, and a proxy's
 * chunk with optional {@code id}/{@code model} and a float {@code created}. Each document is
 * read, every member asserted, written back and read again; unknown members come back exactly.
 */
class SeedSchemaTest {
  private static ChatCompletionChunk roundTrip(ChatCompletionChunk chunk) {
    ChatCompletionChunk again = ChatJson.readChunk(ChatJson.write(chunk));
    assertThat(again).isEqualTo(chunk);
    return again;
  }

  @Test
  void openAiChunkSchemaReadsEveryMember() {
    String json = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},"
        + "\"logprobs\":null,\"finish_reason\":null}],\"created\":1727346169,\"model\":\"gpt-4o\","
        + "\"object\":\"chat.completion.chunk\",\"service_tier\":\"flex\","
        + "\"system_fingerprint\":\"fp_1\",\"usage\":null,\"x_unknown\":{\"a\": [1, 2.50]}}";
    ChatCompletionChunk c = ChatJson.readChunk(json);
    assertThat(c.getId()).isEqualTo("chatcmpl-1");
    assertThat(c.getChoices()).hasSize(1);
    assertThat(c.getChoices().get(0).getDelta().getContent()).isEqualTo("Hi");
    assertThat(c.getCreated()).isEqualTo(1727346169L);
    assertThat(c.getModel()).isEqualTo("gpt-4o");
    assertThat(c.getObject()).isEqualTo("chat.completion.chunk");
    assertThat(c.getServiceTier()).isSameAs(ServiceTier.FLEX);
    assertThat(c.getSystemFingerprint()).isEqualTo("fp_1");
    assertThat(c.getUsage()).isNull();
    assertThat(c.getExtras()).containsExactlyEntriesOf(
        java.util.Collections.singletonMap("x_unknown", "{\"a\": [1, 2.50]}"));
    assertThat(roundTrip(c).getExtras()).isEqualTo(c.getExtras());
  }

  @Test
  void openAiCompletionSchemaReadsEveryMember() {
    String json = "{\"id\":\"chatcmpl-2\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
        + "\"content\":\"Hello\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
        + "\"created\":1727346142,\"model\":\"gpt-4o\",\"object\":\"chat.completion\","
        + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_2\",\"usage\":"
        + "{\"prompt_tokens\":14,\"completion_tokens\":37,\"total_tokens\":51}}";
    ChatCompletion c = ChatJson.readCompletion(json);
    assertThat(c.getId()).isEqualTo("chatcmpl-2");
    assertThat(c.getChoices().get(0).getMessage().getContent()).isEqualTo("Hello");
    assertThat(c.getChoices().get(0).getMessage().getRole()).isSameAs(Role.ASSISTANT);
    assertThat(c.getChoices().get(0).getFinishReason()).isSameAs(FinishReason.STOP);
    assertThat(c.getCreated()).isEqualTo(1727346142L);
    assertThat(c.getModel()).isEqualTo("gpt-4o");
    assertThat(c.getObject()).isEqualTo("chat.completion");
    assertThat(c.getServiceTier()).isSameAs(ServiceTier.DEFAULT);
    assertThat(c.getSystemFingerprint()).isEqualTo("fp_2");
    assertThat(c.getUsage().getTotalTokens()).isEqualTo(51);
    assertThat(c.getExtras()).isEmpty();
    assertThat(ChatJson.readCompletion(ChatJson.write(c))).isEqualTo(c);
  }

  @Test
  void generatedClientChunkSchemaReadsServiceTierAsOpenValueAndUsageObject() {
    String json = "{\"id\":\"c3\",\"choices\":[],\"created\":1,\"model\":\"m\","
        + "\"service_tier\":\"on_demand\",\"system_fingerprint\":\"fp\",\"object\":"
        + "\"chat.completion.chunk\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,"
        + "\"total_tokens\":3}}";
    ChatCompletionChunk c = ChatJson.readChunk(json);
    assertThat(c.getChoices()).isEmpty();
    assertThat(c.getServiceTier()).isEqualTo(ServiceTier.of("on_demand"));
    assertThat(c.getServiceTier().getValue()).isEqualTo("on_demand");
    assertThat(c.getUsage().getCompletionTokens()).isEqualTo(2);
    assertThat(c.getId()).isEqualTo("c3");
    assertThat(c.getModel()).isEqualTo("m");
    assertThat(c.getCreated()).isEqualTo(1L);
    assertThat(c.getSystemFingerprint()).isEqualTo("fp");
    assertThat(c.getObject()).isEqualTo("chat.completion.chunk");
    roundTrip(c);
  }

  @Test
  void vllmStyleChunkSchemaReadsTheDocumentedExampleWithStopReason() {
    // The example values the schema documents for each member.
    String json = "{\"choices\":[{\"index\": 0, \"delta\": {\"role\": \"assistant\", \"content\": "
        + "\"Hello! How can you help me today?\"}, \"logprobs\": null, \"finish_reason\": null, "
        + "\"stop_reason\": null}],\"created\":1677652288,\"id\":\"chatcmpl-123\",\"model\":"
        + "\"meta-llama/Llama-3.3-70B-Instruct\",\"object\":\"chat.completion.chunk\"}";
    ChatCompletionChunk c = ChatJson.readChunk(json);
    ChunkChoice choice = c.getChoices().get(0);
    assertThat(choice.getDelta().getContent()).isEqualTo("Hello! How can you help me today?");
    assertThat(choice.getStopReason()).isNull();
    assertThat(choice.getFinishReason()).isNull();
    assertThat(c.getCreated()).isEqualTo(1677652288L);
    assertThat(c.getId()).isEqualTo("chatcmpl-123");
    assertThat(c.getModel()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
    assertThat(c.getObject()).isEqualTo("chat.completion.chunk");
    assertThat(c.getUsage()).isNull();
    roundTrip(c);
  }

  @Test
  void proxyChunkSchemaAllowsMissingIdAndModelAndAFloatCreated() {
    String json = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"}}],\"created\":1.7e9,"
        + "\"system_fingerprint\":null,\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,"
        + "\"total_tokens\":6},\"object\":\"chat.completion.chunk\"}";
    ChatCompletionChunk c = ChatJson.readChunk(json);
    assertThat(c.getId()).isNull();
    assertThat(c.getModel()).isNull();
    assertThat(c.getCreated()).isEqualTo(1_700_000_000L);
    assertThat(c.getSystemFingerprint()).isNull();
    assertThat(c.getUsage().getTotalTokens()).isEqualTo(6);
    assertThat(c.getObject()).isEqualTo("chat.completion.chunk");
    String written = ChatJson.write(c);
    assertThat(written).contains("\"created\":1.7e9").doesNotContain("\"id\"", "\"model\"");
    roundTrip(c);
  }
}
