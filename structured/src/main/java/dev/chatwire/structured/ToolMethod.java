package dev.chatwire.structured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool for {@link Tools.Builder#addMethods(Object)}: its parameters are the
 * arguments (named by {@link ToolParam}, or by the class file when compiled with {@code
 * -parameters}), its return value the result (a String as is, anything else as JSON).
 *
 * <pre>{@code
 * class Weather {
 *   // annotated with ToolMethod(description = "Current temperature of a city in Celsius")
 *   public double temperature(@ToolParam("city") String city) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolMethod {
  /** The tool's name; the method's name when empty. */
  String name() default "";

  /** What the tool does, for the model; none when empty. */
  String description() default "";
}
