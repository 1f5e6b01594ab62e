package dev.chatwire.structured;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@link ToolMethod}'s parameter as the model sees it; needed unless the class was
 * compiled with {@code -parameters}. Describe it with {@link Description}.
 *
 * <pre>{@code
 * public String lookup(@ToolParam("query") @Description("Words to find") String q)  // a ToolMethod
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ToolParam {
  /** The argument's name. */
  String value();
}
