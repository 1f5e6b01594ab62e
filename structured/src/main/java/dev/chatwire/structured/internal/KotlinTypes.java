package dev.chatwire.structured.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KClass;
import kotlin.reflect.KProperty1;
import kotlin.reflect.full.KClasses;

/**
 * Kotlin's view of a class, through kotlin-reflect: loaded only when a Kotlin class is met and
 * kotlin-reflect is on the class path (jackson-module-kotlin brings it), so Java users never
 * need either.
 */
final class KotlinTypes {
  private KotlinTypes() {}

  static boolean isKotlin(Class<?> type) {
    for (Annotation a : type.getDeclaredAnnotations()) {
      if (a.annotationType().getName().equals("kotlin.Metadata")) return true;
    }
    return false;
  }

  /** Whether the Kotlin property backed by {@code field} has a type marked nullable ({@code T?}). */
  static boolean isNullable(Field field) {
    KClass<?> k = JvmClassMappingKt.getKotlinClass(field.getDeclaringClass());
    for (KProperty1<?, ?> p : KClasses.getMemberProperties(k)) {
      if (p.getName().equals(field.getName())) return p.getReturnType().isMarkedNullable();
    }
    return false;
  }
}
