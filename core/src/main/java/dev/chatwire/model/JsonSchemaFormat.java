package dev.chatwire.model;

import dev.chatwire.internal.Maps;
import dev.chatwire.internal.json.RequestRaw;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The {@code json_schema} of a {@code json_schema} response format (Structured Outputs): a
 * {@code name}, a {@code description}, the {@code schema} as raw JSON text (written as is), and
 * {@code strict}. Immutable and thread-safe.
 */
public final class JsonSchemaFormat {
  private final String name;
  private final @Nullable String description;
  private final @Nullable String schema;
  private final @Nullable Boolean strict;
  private final Map<String, String> extras;

  private JsonSchemaFormat(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.description = b.description;
    this.schema = b.schema;
    this.strict = b.strict;
    this.extras = Maps.copy(b.extras);
  }

  /** A strict schema with a name. */
  public static JsonSchemaFormat of(String name, String schemaJson) {
    return builder().name(name).schema(schemaJson).strict(true).build();
  }

  /** Starts building a schema format. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this format's values. */
  public Builder toBuilder() {
    return new Builder().name(name).description(description).schema(schema).strict(strict)
        .extras(extras);
  }

  /** The schema's name. */
  public String getName() {
    return name;
  }

  /** What the format is for, or null when absent. */
  public @Nullable String getDescription() {
    return description;
  }

  /** The JSON Schema as raw JSON text, or null when absent. */
  public @Nullable String getSchema() {
    return schema;
  }

  /** Whether the output must follow the schema exactly, or null when not set. */
  public @Nullable Boolean getStrict() {
    return strict;
  }

  /** Members this version does not know, as raw JSON text by name; written back unchanged. */
  public Map<String, String> getExtras() {
    return extras;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) return true;
    if (!(o instanceof JsonSchemaFormat)) return false;
    JsonSchemaFormat that = (JsonSchemaFormat) o;
    return name.equals(that.name)
        && Objects.equals(description, that.description)
        && Objects.equals(schema, that.schema)
        && Objects.equals(strict, that.strict)
        && extras.equals(that.extras);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, description, schema, strict, extras);
  }

  @Override
  public String toString() {
    return new ToStrings("JsonSchemaFormat").add("name", name).add("description", description)
        .add("schema", schema).add("strict", strict).add("extras", extras).toString();
  }

  /** Builds a {@link JsonSchemaFormat}; not thread-safe. */
  public static final class Builder {
    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String schema;
    private @Nullable Boolean strict;
    private final Map<String, String> extras = new LinkedHashMap<>();

    Builder() {}

    /** Sets the name (required, not empty). */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the description. */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets the JSON Schema as raw JSON text.
     *
     * @throws IllegalArgumentException when the text is not a single JSON value
     */
    public Builder schema(@Nullable String schemaJson) {
      this.schema = schemaJson == null ? null : RequestRaw.require("json schema", schemaJson);
      return this;
    }

    /** Sets strict adherence. */
    public Builder strict(@Nullable Boolean strict) {
      this.strict = strict;
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
     * @throws IllegalStateException when the name is missing or empty
     */
    public JsonSchemaFormat build() {
      if (name == null || name.isEmpty()) {
        throw new IllegalStateException("json schema name is required");
      }
      return new JsonSchemaFormat(this);
    }
  }
}
