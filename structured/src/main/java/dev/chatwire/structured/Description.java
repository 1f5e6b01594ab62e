package dev.chatwire.structured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code description} the model reads for a type, a property (a field or a record
 * component), a tool method or one of its parameters. Jackson's {@code @JsonPropertyDescription}
 * and {@code @JsonClassDescription} work as well.
 *
 * <pre>{@code
 * record Weather(@Description("Degrees Celsius") double temperature, String summary) {}
 * }</pre>
 *
 * <pre>{@code
 * // Kotlin
 * data class Weather(@field:Description("Degrees Celsius") val temperature: Double)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Description {
  /** The text. */
  String value();
}
