package dev.chatwire.structured.internal;

import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.util.Optional;

/**
 * Whether a property or parameter may be null: an {@code Optional}, any annotation named {@code
 * Nullable} with runtime retention (JSpecify, Jakarta, javax, Android's), or a Kotlin property
 * whose type is marked nullable. A primitive never is.
 */
public final class Nullability {
  private static final boolean KOTLIN_REFLECT = present("kotlin.reflect.full.KClasses");
  /** Type-use annotations ({@code List<@Nullable T>}); Android (API 26) has none. */
  private static final boolean TYPE_USE = present("java.lang.reflect.AnnotatedType");

  private Nullability() {}

  /** Whether {@code field} may hold null. */
  public static boolean of(Field field) {
    Class<?> type = field.getType();
    if (type.isPrimitive()) return false;
    if (type == Optional.class) return true;
    if (annotated(field) || TYPE_USE && TypeUse.nullable(field)) return true;
    Class<?> owner = field.getDeclaringClass();
    return KOTLIN_REFLECT && KotlinTypes.isKotlin(owner) && KotlinTypes.isNullable(field);
  }

  /** Whether the elements of {@code field}'s list or array may be null ({@code List<@Nullable T>}). */
  public static boolean ofItem(Field field) {
    return TYPE_USE && TypeUse.itemNullable(field);
  }

  /** Whether {@code parameter} may be null. */
  public static boolean of(Parameter parameter) {
    Class<?> type = parameter.getType();
    if (type.isPrimitive()) return false;
    if (type == Optional.class) return true;
    return annotated(parameter) || TYPE_USE && TypeUse.nullable(parameter);
  }

  private static boolean annotated(AnnotatedElement element) {
    for (Annotation a : element.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) return true;
    }
    return false;
  }

  /** Marks code that runs only once {@link #TYPE_USE} said the runtime has the API it calls. */
  @Retention(RetentionPolicy.CLASS)
  @interface OnlyWhereTheRuntimeHasIt {}

  /** The type-use annotations of fields and parameters; only called where they exist. */
  @OnlyWhereTheRuntimeHasIt
  private static final class TypeUse {
    static boolean nullable(Field field) {
      return annotated(field.getAnnotatedType());
    }

    static boolean nullable(Parameter parameter) {
      return annotated(parameter.getAnnotatedType());
    }

    static boolean itemNullable(Field field) {
      AnnotatedType type = field.getAnnotatedType();
      AnnotatedType item = null;
      if (type instanceof AnnotatedParameterizedType) {
        AnnotatedType[] arguments =
            ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments();
        if (arguments.length == 1) item = arguments[0];
      } else if (type instanceof AnnotatedArrayType) {
        item = ((AnnotatedArrayType) type).getAnnotatedGenericComponentType();
      }
      return item != null && annotated(item);
    }

    private static boolean annotated(AnnotatedType type) {
      for (Annotation a : type.getAnnotations()) {
        if (a.annotationType().getSimpleName().equals("Nullable")) return true;
      }
      return false;
    }
  }

  static boolean present(String className) {
    try {
      Class.forName(className, false, Nullability.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
