package dev.chatwire.structured.internal;

import com.fasterxml.classmate.TypeResolver;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The Jackson mappers: one that reads complete answers and arguments (a wrong type or a null
 * for a primitive fails), one that reads partial objects leniently, both seeing private fields
 * the way the schema does, with Java 8 optionals and, when on the class path,
 * jackson-module-kotlin.
 */
public final class Json {
  /** Reads complete JSON and writes values. */
  public static final ObjectMapper MAPPER = configure(new ObjectMapper())
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  /** Reads partial JSON: missing or null values become defaults. */
  public static final ObjectMapper LENIENT = configure(new ObjectMapper())
      .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
      .disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
  static final TypeResolver TYPES = new TypeResolver();

  private Json() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    mapper.registerModule(new Jdk8Module());
    Module kotlin = kotlinModule();
    if (kotlin != null) mapper.registerModule(kotlin);
    return mapper;
  }

  private static @org.jspecify.annotations.Nullable Module kotlinModule() {
    if (!Nullability.present("com.fasterxml.jackson.module.kotlin.KotlinModule")) return null;
    try {
      Class<?> builder = Class.forName("com.fasterxml.jackson.module.kotlin.KotlinModule$Builder");
      Object b = builder.getConstructor().newInstance();
      return (Module) builder.getMethod("build").invoke(b);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
