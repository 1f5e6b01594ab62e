package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionRequest;
import java.io.PrintStream;

/**
 * Azure OpenAI: the endpoint of your resource and a deployment name instead of a base URL.
 * Requests go to {@code {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...}
 * with the key in the {@code api-key} header. Azure adds its content filter results to the
 * completion; they are kept in {@code getExtras()}.
 */
public final class AzureExample {
  /** An Azure OpenAI API version that supports tools and structured output. */
  public static final String API_VERSION = "2024-10-21";

  private AzureExample() {}

  /**
   * Arguments: [endpoint, such as https://my-resource.openai.azure.com] [deployment]; or {@code
   * AZURE_OPENAI_ENDPOINT} and {@code OPENAI_MODEL}; the key comes from {@code OPENAI_API_KEY}.
   */
  public static void main(String[] args) {
    String endpoint = System.getenv("AZURE_OPENAI_ENDPOINT");
    run(Endpoint.fromArgs(args, endpoint == null ? "https://my-resource.openai.azure.com" : endpoint,
        "gpt-4o-mini"), System.out);
  }

  /** Runs the example against {@code endpoint} (its model is the deployment), printing to {@code out}. */
  public static void run(Endpoint endpoint, PrintStream out) {
    try (ChatWire client = ChatWire.builder()
        .azureDeployment(endpoint.baseUrl(), endpoint.model(), API_VERSION)
        .apiKey(endpoint.apiKey())
        .build()) {
      ChatCompletionRequest request = ChatCompletionRequest.builder()
          .model(endpoint.model())   // Azure routes by deployment; the model field is ignored
          .addUserMessage("Say hello from Azure.")
          .build();

      ChatCompletion completion = client.chat().create(request);

      out.println(completion.getText());
      String filters = completion.getExtras().get("prompt_filter_results");
      if (filters != null) out.println("prompt_filter_results: " + filters);
    }
  }
}
