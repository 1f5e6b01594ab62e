package dev.chatwire.structured.internal;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import dev.chatwire.structured.Description;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Derives strict-mode JSON Schemas from types with victools' generator (draft 2020-12, {@code
 * $defs} for shared and recursive types, Jackson's names and descriptions), then makes them
 * strict ({@link StrictRules}). Thread-safe.
 */
public final class SchemaFactory {
  private static final SchemaGenerator GENERATOR = create();

  private SchemaFactory() {}

  /** The strict schema of {@code type}, whose root must be an object. */
  public static ObjectNode schemaOf(Class<?> type) {
    TypeRules.checkRoot(type);
    ObjectNode schema = GENERATOR.generateSchema(type);
    return StrictRules.apply(schema, type.getSimpleName());
  }

  /**
   * The strict schema of an object whose properties are {@code method}'s parameters, named by
   * {@code names} (in order).
   */
  public static ObjectNode parametersOf(Method method, List<String> names) {
    SchemaBuilder builder = GENERATOR.buildMultipleSchemaDefinitions();
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("type", "object");
    ObjectNode properties = root.putObject("properties");
    Parameter[] parameters = method.getParameters();
    Type[] types = method.getGenericParameterTypes();
    for (int i = 0; i < parameters.length; i++) {
      String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
          + names.get(i) + ")";
      ResolvedType type = Json.TYPES.resolve(types[i]);
      if (type.getErasedType() == Optional.class) type = type.getTypeParameters().get(0);
      TypeRules.check(type, where);
      ObjectNode property = builder.createSchemaReference(type);
      Description d = parameters[i].getAnnotation(Description.class);
      if (d != null) property.put("description", d.value());
      properties.set(names.get(i), property);
    }
    ObjectNode defs = builder.collectDefinitions("$defs");
    if (!defs.isEmpty()) root.set("$defs", defs);
    for (int i = 0; i < parameters.length; i++) {
      if (Nullability.of(parameters[i])) {
        properties.set(names.get(i), StrictRules.orNull((ObjectNode) properties.get(names.get(i))));
      }
    }
    return StrictRules.apply(root, method.getName());
  }

  private static SchemaGenerator create() {
    SchemaGeneratorConfigBuilder config =
        new SchemaGeneratorConfigBuilder(Json.MAPPER, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY,
                JacksonOption.RESPECT_JSONPROPERTY_ORDER))
            .with(Option.FLATTENED_ENUMS, Option.FLATTENED_OPTIONALS,
                Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_ARRAY_ITEMS_ALLOWED)
            .without(Option.SCHEMA_VERSION_INDICATOR, Option.STANDARD_FORMATS,
                Option.EXTRA_OPEN_API_FORMAT_VALUES);
    config.forFields()
        .withNullableCheck(SchemaFactory::nullable)
        .withRequiredCheck(field -> true)
        .withDescriptionResolver(field -> {
          Description d = field.getAnnotationConsideringFieldAndGetterIfSupported(Description.class);
          return d == null ? null : d.value();
        })
        .withInstanceAttributeOverride((node, field, context) -> TypeRules.check(field.getType(),
            field.getDeclaringType().getErasedType().getSimpleName() + "." + field.getName()));
    // Declaration order: a model writes properties in schema order, so reasons before verdicts.
    config.forTypesInGeneral().withPropertySorter((a, b) -> 0);
    config.forTypesInGeneral().withDescriptionResolver(scope -> {
      Description d = scope.getType().getErasedType().getAnnotation(Description.class);
      return d == null ? null : d.value();
    });
    return new SchemaGenerator(config.build());
  }

  private static boolean nullable(FieldScope field) {
    if (field.getRawMember() == null) return false;
    if (field.isFakeContainerItemScope()) return Nullability.ofItem(field.getRawMember());
    return Nullability.of(field.getRawMember());
  }
}
