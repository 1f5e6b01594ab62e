// Azure OpenAI: your resource's endpoint and a deployment name instead of a base URL; the key
// goes in the api-key header.
package dev.chatwire.examples.kotlin

import dev.chatwire.ChatWire
import dev.chatwire.examples.AzureExample
import dev.chatwire.examples.Endpoint
import dev.chatwire.kotlin.await
import dev.chatwire.kotlin.chatRequest
import kotlinx.coroutines.runBlocking
import java.io.PrintStream

/** Arguments: [endpoint, or AZURE_OPENAI_ENDPOINT] [deployment]; the key comes from `OPENAI_API_KEY`. */
fun main(args: Array<String>) = azure(
    Endpoint.fromArgs(args, System.getenv("AZURE_OPENAI_ENDPOINT") ?: "https://my-resource.openai.azure.com", "gpt-4o-mini"),
    System.out,
)

fun azure(endpoint: Endpoint, out: PrintStream): Unit = runBlocking {
    ChatWire.builder()
        .azureDeployment(endpoint.baseUrl, endpoint.model, AzureExample.API_VERSION)
        .apiKey(endpoint.apiKey)
        .build()
        .use { client ->
            val completion = client.chat().await(chatRequest(model = endpoint.model) { user("Say hello from Azure.") })
            out.println(completion.text)
            completion.extras["prompt_filter_results"]?.let { out.println("prompt_filter_results: $it") }
        }
}
