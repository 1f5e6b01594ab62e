package dev.chatwire.structured;

import dev.chatwire.model.ChatCompletion;
import dev.chatwire.model.ChatCompletionMessage;
import dev.chatwire.model.Choice;
import dev.chatwire.model.FinishReason;
import dev.chatwire.model.JsonSchemaFormat;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.structured.internal.Binding;
import dev.chatwire.structured.internal.SchemaFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Structured output from a type: the strict {@code json_schema} response format for a record, a
 * POJO or a Kotlin data class, and the answer read back into it. Every property is required;
 * {@code Optional}, {@code @Nullable} and Kotlin {@code T?} properties may be null; enums,
 * nested types, lists, sets and arrays are supported; a type strict mode cannot express throws
 * {@link UnsupportedSchemaException} here, before any request. Thread-safe; schemas are cached
 * per class.
 *
 * <pre>{@code
 * record Answer(String city, List<String> sights, @Nullable String note) {}
 * ChatCompletionRequest request = ChatCompletionRequest.builder().model("gpt-4o-mini")
 *     .addUserMessage("Where should I go?")
 *     .responseFormat(StructuredOutput.responseFormat(Answer.class)).build();
 * Answer answer = StructuredOutput.parse(client.chat().create(request), Answer.class);
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin (chatwire-structured's reified helpers)
 * val answer: Answer = client.chat().create(request).parse()
 * }</pre>
 */
public final class StructuredOutput {
  private static final Map<Class<?>, String> SCHEMAS = new ConcurrentHashMap<>();

  private StructuredOutput() {}

  /** The strict schema of {@code type} as JSON text. */
  public static String schema(Class<?> type) {
    return SCHEMAS.computeIfAbsent(type, t -> SchemaFactory.schemaOf(t).toString());
  }

  /** A strict {@code json_schema} response format for {@code type}, named after it. */
  public static ResponseFormat responseFormat(Class<?> type) {
    return responseFormat(type, nameOf(type));
  }

  /** A strict {@code json_schema} response format for {@code type} with a name of your own. */
  public static ResponseFormat responseFormat(Class<?> type, String name) {
    Description d = type.getAnnotation(Description.class);
    return ResponseFormat.jsonSchema(JsonSchemaFormat.builder().name(name)
        .description(d == null ? null : d.value()).schema(schema(type)).strict(true).build());
  }

  /**
   * The first choice's answer as a {@code type}.
   *
   * @throws StructuredOutputException a {@link RefusalException}, a {@link
   *     TruncatedOutputException}, a {@link ContentFilterException} or an {@link
   *     OutputMismatchException}, each with the model's text
   */
  public static <T> T parse(ChatCompletion completion, Class<T> type) {
    if (completion.getChoices().isEmpty()) {
      throw new OutputMismatchException("the completion has no choices", null, null);
    }
    return parse(completion.getChoices().get(0), type);
  }

  /** A choice's answer as a {@code type}, checking its finish reason; throws as above. */
  public static <T> T parse(Choice choice, Class<T> type) {
    ChatCompletionMessage message = choice.getMessage();
    checkRefusal(message);
    FinishReason reason = choice.getFinishReason();
    if (FinishReason.LENGTH.equals(reason)) {
      throw new TruncatedOutputException("the answer was cut off at the token limit "
          + "(finish_reason length)", message.getContent(), null);
    }
    if (FinishReason.CONTENT_FILTER.equals(reason)) {
      throw new ContentFilterException("the content filter stopped the answer "
          + "(finish_reason content_filter)", message.getContent(), null);
    }
    return parse(message, type);
  }

  /** A message's content as a {@code type}; a refusal throws {@link RefusalException}. */
  public static <T> T parse(ChatCompletionMessage message, Class<T> type) {
    checkRefusal(message);
    String content = message.getContent();
    if (content == null) throw new OutputMismatchException("the answer has no content", null, null);
    return parseJson(content, type);
  }

  /** JSON text as a {@code type}; throws {@link OutputMismatchException} when it does not fit. */
  public static <T> T parseJson(String json, Class<T> type) {
    return Binding.read(json, type, "the answer");
  }

  private static void checkRefusal(ChatCompletionMessage message) {
    @Nullable String refusal = message.getRefusal();
    if (refusal != null) throw new RefusalException("the model refused to answer", refusal, null);
  }

  /** {@code type}'s simple name in the characters a schema name allows. */
  static String nameOf(Class<?> type) {
    String name = type.getSimpleName().replaceAll("[^a-zA-Z0-9_-]", "_");
    if (name.isEmpty()) name = "answer";
    return name.length() > 64 ? name.substring(0, 64) : name;
  }
}
