package dev.chatwire.structured.internal;

import java.lang.annotation.Annotation;
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

  private Nullability() {}

  /** Whether {@code field} may hold null. */
  public static boolean of(Field field) {
    Class<?> type = field.getType();
    if (type.isPrimitive()) return false;
    if (type == Optional.class) return true;
    if (annotated(field) || annotated(field.getAnnotatedType())) return true;
    Class<?> owner = field.getDeclaringClass();
    return KOTLIN_REFLECT && KotlinTypes.isKotlin(owner) && KotlinTypes.isNullable(field);
  }

  /** Whether the elements of {@code field}'s list or array may be null ({@code List<@Nullable T>}). */
  public static boolean ofItem(Field field) {
    AnnotatedType type = field.getAnnotatedType();
    AnnotatedType item = null;
    if (type instanceof AnnotatedParameterizedType) {
      AnnotatedType[] arguments = ((AnnotatedParameterizedType) type).getAnnotatedActualTypeArguments();
      if (arguments.length == 1) item = arguments[0];
    } else if (type instanceof AnnotatedArrayType) {
      item = ((AnnotatedArrayType) type).getAnnotatedGenericComponentType();
    }
    return item != null && annotated(item);
  }

  /** Whether {@code parameter} may be null. */
  public static boolean of(Parameter parameter) {
    Class<?> type = parameter.getType();
    if (type.isPrimitive()) return false;
    if (type == Optional.class) return true;
    return annotated(parameter) || annotated(parameter.getAnnotatedType());
  }

  private static boolean annotated(AnnotatedElement element) {
    for (Annotation a : element.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) return true;
    }
    return false;
  }

  private static boolean annotated(AnnotatedType type) {
    for (Annotation a : type.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) return true;
    }
    return false;
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
