package dev.chatwire.examples;

import dev.chatwire.ChatWire;
import org.jspecify.annotations.Nullable;

/**
 * Where an example sends its requests: the base URL, the API key (null sends none) and the model.
 * Each example's {@code main} reads it from its arguments and the environment, and the tests pass
 * the testkit's server instead.
 *
 * @param baseUrl the API's base URL, such as {@code https://api.openai.com/v1}
 * @param apiKey the key, or null for servers that need none (Ollama, vLLM, llama.cpp)
 * @param model the model to ask
 */
public record Endpoint(String baseUrl, @Nullable String apiKey, String model) {
  /**
   * The base URL from {@code args[0]} or {@code OPENAI_BASE_URL} (else OpenAI's), the model from
   * {@code args[1]} or {@code OPENAI_MODEL} (else {@code gpt-4o-mini}), the key from {@code
   * OPENAI_API_KEY}.
   */
  public static Endpoint fromArgs(String[] args) {
    return fromArgs(args, ChatWire.DEFAULT_BASE_URL, "gpt-4o-mini");
  }

  /** As {@link #fromArgs(String[])}, with other defaults for the base URL and the model. */
  public static Endpoint fromArgs(String[] args, String defaultBaseUrl, String defaultModel) {
    String baseUrl = args.length > 0 ? args[0] : env("OPENAI_BASE_URL", defaultBaseUrl);
    String model = args.length > 1 ? args[1] : env("OPENAI_MODEL", defaultModel);
    return new Endpoint(baseUrl, System.getenv("OPENAI_API_KEY"), model);
  }

  private static String env(String name, String otherwise) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? otherwise : value;
  }

  @Override
  public String toString() {
    return "Endpoint{baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "██")
        + ", model=" + model + '}';
  }
}
