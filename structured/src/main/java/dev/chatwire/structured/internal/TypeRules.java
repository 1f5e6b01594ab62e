package dev.chatwire.structured.internal;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.chatwire.structured.UnsupportedSchemaException;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The Java types strict mode cannot express, rejected with the field and the rule. */
final class TypeRules {
  private TypeRules() {}

  /** Throws when {@code type}, or a type it holds (an element, an optional value), is unsupported. */
  static void check(ResolvedType type, String where) {
    Class<?> raw = type.getErasedType();
    if (Map.class.isAssignableFrom(raw)) {
      throw new UnsupportedSchemaException(where + ": a Map is a free-form object; strict mode "
          + "needs every property named (additionalProperties false): use a class, or a List of "
          + "key/value entries");
    }
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      throw new UnsupportedSchemaException(where + ": " + raw.getSimpleName() + " has no fixed "
          + "schema; strict mode needs a type for every value");
    }
    boolean container = Collection.class.isAssignableFrom(raw) || raw == Optional.class
        || Iterable.class.isAssignableFrom(raw);
    if (!container && !raw.isPrimitive() && !raw.isArray() && !raw.isEnum()
        && (raw.isInterface() || Modifier.isAbstract(raw.getModifiers()))
        && !Number.class.isAssignableFrom(raw) && !CharSequence.class.isAssignableFrom(raw)) {
      throw new UnsupportedSchemaException(where + ": " + raw.getSimpleName() + " is "
          + (raw.isInterface() ? "an interface" : "abstract") + "; strict mode has no schema for "
          + "polymorphic values: use a concrete class");
    }
    if (raw.isArray() && type.getArrayElementType() != null) {
      check(type.getArrayElementType(), where + "[]");
    }
    for (ResolvedType parameter : type.getTypeParameters()) check(parameter, where + "<>");
  }

  /** Throws unless {@code type} is an object with properties, as a strict schema's root must be. */
  static void checkRoot(Class<?> type) {
    if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()
        || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
        || type == Optional.class || CharSequence.class.isAssignableFrom(type)
        || Number.class.isAssignableFrom(type) || type == Boolean.class || type == Object.class) {
      throw new UnsupportedSchemaException(type.getName() + ": the root of a strict schema must "
          + "be an object with properties (a class or a record), not " + type.getSimpleName());
    }
  }
}
