package dev.chatwire.structured.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.Tool;
import dev.chatwire.structured.OutputMismatchException;
import dev.chatwire.structured.ToolMethod;
import dev.chatwire.structured.ToolParam;
import dev.chatwire.structured.UnsupportedSchemaException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@link ToolMethod}s of an object as tools: parameters in, return value out. */
public final class MethodTools {
  private MethodTools() {}

  /** Every {@code @ToolMethod} of {@code target}'s class, in name order. */
  public static List<ToolInvoker> of(Object target) {
    List<ToolInvoker> found = new ArrayList<>();
    Method[] methods = target.getClass().getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    for (Method m : methods) {
      ToolMethod annotation = m.getAnnotation(ToolMethod.class);
      if (annotation != null) found.add(new Invoker(target, m, annotation));
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(target.getClass().getName()
          + " has no public method annotated @ToolMethod");
    }
    return found;
  }

  private static final class Invoker implements ToolInvoker {
    private final Object target;
    private final Method method;
    private final List<String> names;
    private final JavaType[] types;
    private final Tool tool;

    Invoker(Object target, Method method, ToolMethod annotation) {
      this.target = target;
      this.method = method;
      if (Modifier.isStatic(method.getModifiers()) == false) method.setAccessible(true);
      this.names = names(method);
      this.types = new JavaType[names.size()];
      for (int i = 0; i < types.length; i++) {
        types[i] = Json.MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[i]);
      }
      String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
      String description = annotation.description().isEmpty() ? null : annotation.description();
      ObjectNode schema = SchemaFactory.parametersOf(method, names);
      this.tool = Tool.function(FunctionDefinition.builder().name(name).description(description)
          .parameters(schema.toString()).strict(true).build());
    }

    @Override
    public Tool tool() {
      return tool;
    }

    @Override
    public @Nullable Object invoke(String argumentsJson) throws Exception {
      String name = tool.getFunction() == null ? "?" : tool.getFunction().getName();
      ObjectNode arguments = Binding.read(argumentsJson, ObjectNode.class, "the arguments of " + name);
      Object[] values = new Object[types.length];
      for (int i = 0; i < values.length; i++) {
        JsonNode node = arguments.get(names.get(i));
        String what = "the argument " + names.get(i) + " of " + name;
        boolean absent = node == null || node.isNull();
        if (absent && types[i].isPrimitive()) {
          throw new OutputMismatchException(what + " is missing", argumentsJson, null);
        }
        if (absent) values[i] = types[i].getRawClass() == Optional.class ? Optional.empty() : null;
        else values[i] = Binding.read(node.toString(), types[i], what);
      }
      try {
        return method.invoke(target, values);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception) throw (Exception) cause;
        throw e;
      }
    }

    private static List<String> names(Method method) {
      List<String> names = new ArrayList<>();
      for (Parameter p : method.getParameters()) {
        ToolParam named = p.getAnnotation(ToolParam.class);
        if (named != null) names.add(named.value());
        else if (p.isNamePresent()) names.add(p.getName());
        else {
          throw new UnsupportedSchemaException(method.getDeclaringClass().getSimpleName() + "."
              + method.getName() + "(" + p.getName() + "): a tool parameter needs a name: "
              + "annotate it with @ToolParam or compile with -parameters");
        }
      }
      return names;
    }
  }
}
