package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code response_format} parameter: {@code text}, {@code json_object} (JSON mode) or
 * {@code json_schema} (Structured Outputs, with a {@link JsonSchemaFormat}). Other types keep
 * their members in {@link #getExtras()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ResponseFormat.JSON_OBJECT;
 * ResponseFormat.jsonSchema("answer", "{\"type\":\"object\"}");
 * }</pre>
 */
public final class ResponseFormat {
  /** {@code {"type":"text"}}. */
  public static final ResponseFormat TEXT = builder().type("text").build();
  /** {@code {"type":"json_object"}}: the output is valid JSON. */
  public static final ResponseFormat JSON_OBJECT = builder().type("json_object").build();

  private final String type;
  private final @Nullable JsonSchemaFormat jsonSchema;
  private final Map<String, String> extras;

  private ResponseFormat(Builder b) {
    this.type = Objects.requireNonNull(b.type, "type");
    this.jsonSchema = b.jsonSchema;
    this.extras = Maps.copy(b.extras);
  }

  /** A {@code json_schema} format. */
  public static ResponseFormat jsonSchema(JsonSchemaFormat jsonSchema) {
    return builder().type("json_schema").jsonSchema(jsonSchema).build();
  }

  /** A strict {@code json_schema} format from a name and a schema (raw JSON). */
  public static ResponseFormat jsonSchema(String name, String schemaJson) {
    return jsonSchema(JsonSchemaFormat.of(name, schemaJson));
  }

  /** Starts building a response format. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this format's values. */
  public Builder toBuilder() {
    return new Builder().type(type).jsonSchema(jsonSchema).extras(extras);
  }

  /** The format's type: {@code text}, {@code json_object}, {@code json_schema}, or another. */
  public String getType() {
    return type;
  }

  /** The schema of a {@code json_schema} format, or null. */
  public @Nullable JsonSchemaFormat getJsonSchema() {
    return jsonSchema;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof ResponseFormat)) return false;
    ResponseFormat that = (ResponseFormat) o;
    return type.equals(that.type)
        && Objects.equals(jsonSchema, that.jsonSchema)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, jsonSchema, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("ResponseFormat")
        .add("type", type).add("jsonSchema", jsonSchema).add("extras", extras).toString();
  }

  /** Builds a {@link ResponseFormat}; not thread-safe. */
  public static final class Builder {
    private @Nullable String type;
    private @Nullable JsonSchemaFormat jsonSchema;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the type (required). */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets the schema. */
    public Builder jsonSchema(@Nullable JsonSchemaFormat jsonSchema) {
      this.jsonSchema = jsonSchema;
      return this;
    }

    /** Adds an unknown member as raw JSON text. */
    public Builder putExtra(String name, String rawJson) {
      extras.put(name, rawJson);
      return this;
    }

    /** Replaces the unknown members. */
    public Builder extras(Map<String, String> extras) {
      this.extras.clear();
      this.extras.putAll(extras);
      return this;
    }

    /**
     * The immutable format.
     *
     * @throws IllegalStateException when the type is missing or empty
     */
    public ResponseFormat build() {
      if (type == null || type.isEmpty()) {
        throw new IllegalStateException("response format type is required");
      }
      return new ResponseFormat(this);
    }
  }
}
