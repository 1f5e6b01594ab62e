package dev.chatwire.structured.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatwire.structured.UnsupportedSchemaException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a generated schema into OpenAI's strict-mode subset: every object lists all its
 * properties as required and forbids others, a {@code $ref} with siblings is inlined, keywords
 * the subset lacks are dropped when they only add validation, and the subset's documented limits
 * are checked: objects nested at most 10 levels deep, at most 5,000 properties in all, at most
 * 120,000 characters of property names, definition names, enum values and const values in all,
 * at most 1,000 enum values in all, and a string enum of more than 250 values at most 15,000
 * characters long.
 */
final class StrictRules {
  static final int MAX_DEPTH = 10;
  static final int MAX_PROPERTIES = 5000;
  static final int MAX_NAME_AND_VALUE_CHARS = 120_000;
  static final int MAX_ENUM_VALUES = 1000;
  static final int LARGE_ENUM_VALUES = 250;
  static final int MAX_LARGE_ENUM_CHARS = 15_000;
  private static final Set<String> DROPPED =
      new HashSet<>(Arrays.asList("uniqueItems", "minLength", "maxLength", "title", "default"));
  private static final Set<String> ALLOWED = new HashSet<>(Arrays.asList("type", "properties",
      "required", "additionalProperties", "items", "enum", "const", "anyOf", "$ref", "$defs",
      "description", "pattern", "format", "minimum", "maximum", "exclusiveMinimum",
      "exclusiveMaximum", "multipleOf", "minItems", "maxItems"));

  private StrictRules() {}

  static ObjectNode apply(ObjectNode root, String name) {
    JsonNode defs = root.get("$defs");
    walk(root, defs, name);
    if (defs != null) {
      Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        walk((ObjectNode) e.getValue(), defs, e.getKey());
      }
    }
    int[] count = new int[1];
    int depth = depth(root, count);
    if (defs != null) for (JsonNode d : defs) depth = Math.max(depth, depth(d, count));
    if (depth > MAX_DEPTH) {
      throw new UnsupportedSchemaException(name + ": objects nest " + depth
          + " levels deep; strict mode allows at most " + MAX_DEPTH);
    }
    if (count[0] > MAX_PROPERTIES) {
      throw new UnsupportedSchemaException(name + ": the schema has " + count[0]
          + " properties; strict mode allows at most " + MAX_PROPERTIES);
    }
    Budget budget = new Budget();
    budget.measure(root, name);
    if (budget.chars > MAX_NAME_AND_VALUE_CHARS) {
      throw new UnsupportedSchemaException(name + ": property names, definition names, enum and"
          + " const values add up to " + budget.chars + " characters; strict mode allows at most "
          + MAX_NAME_AND_VALUE_CHARS);
    }
    if (budget.enumValues > MAX_ENUM_VALUES) {
      throw new UnsupportedSchemaException(name + ": the schema's enums have " + budget.enumValues
          + " values in all; strict mode allows at most " + MAX_ENUM_VALUES);
    }
    return root;
  }

  /** What the strict subset counts over a whole schema, definitions included. */
  private static final class Budget {
    int chars;
    int enumValues;

    void measure(JsonNode node, String where) {
      if (!node.isObject()) return;
      JsonNode properties = node.get("properties");
      if (properties != null) {
        Iterator<Map.Entry<String, JsonNode>> it = properties.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          chars += e.getKey().length();
          measure(e.getValue(), where + "." + e.getKey());
        }
      }
      JsonNode defs = node.get("$defs");
      if (defs != null) {
        Iterator<Map.Entry<String, JsonNode>> it = defs.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          chars += e.getKey().length();
          measure(e.getValue(), e.getKey());
        }
      }
      JsonNode constant = node.get("const");
      if (constant != null && constant.isTextual()) chars += constant.asText().length();
      JsonNode values = node.get("enum");
      if (values != null) enumValues(values, where);
      JsonNode items = node.get("items");
      if (items != null) measure(items, where + "[]");
      JsonNode anyOf = node.get("anyOf");
      if (anyOf != null) for (JsonNode a : anyOf) measure(a, where);
    }

    private void enumValues(JsonNode values, String where) {
      int length = 0;
      for (JsonNode v : values) {
        enumValues++;
        if (v.isTextual()) length += v.asText().length();
      }
      chars += length;
      if (values.size() > LARGE_ENUM_VALUES && length > MAX_LARGE_ENUM_CHARS) {
        throw new UnsupportedSchemaException(where + ": an enum of " + values.size()
            + " values is " + length + " characters long; strict mode allows at most "
            + MAX_LARGE_ENUM_CHARS + " for an enum of more than " + LARGE_ENUM_VALUES + " values");
      }
    }
  }

  /** {@code node} that also allows null. */
  static ObjectNode orNull(ObjectNode node) {
    JsonNode type = node.get("type");
    if (node.has("$ref") || type == null) {
      ObjectNode wrapped = Json.MAPPER.createObjectNode();
      JsonNode description = node.remove("description");
      if (description != null) wrapped.set("description", description);
      wrapped.putArray("anyOf").add(node).addObject().put("type", "null");
      return wrapped;
    }
    if (type.isTextual()) node.putArray("type").add(type.asText()).add("null");
    else if (type.isArray()) ((ArrayNode) type).add("null");
    if (node.get("enum") instanceof ArrayNode) ((ArrayNode) node.get("enum")).addNull();
    return node;
  }

  private static void walk(ObjectNode node, JsonNode defs, String where) {
    inlineRef(node, defs);
    for (String k : DROPPED) node.remove(k);
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    for (String k : names) {
      if (!ALLOWED.contains(k)) {
        throw new UnsupportedSchemaException(where + ": the keyword '" + k
            + "' is not in strict mode's subset");
      }
    }
    JsonNode properties = node.get("properties");
    if (properties != null || isObject(node.get("type"))) {
      ObjectNode props = properties == null ? node.putObject("properties") : (ObjectNode) properties;
      ArrayNode required = node.putArray("required");
      props.fieldNames().forEachRemaining(required::add);
      node.put("additionalProperties", false);
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        walk((ObjectNode) e.getValue(), defs, where + "." + e.getKey());
      }
    }
    JsonNode items = node.get("items");
    if (items instanceof ObjectNode) walk((ObjectNode) items, defs, where + "[]");
    JsonNode anyOf = node.get("anyOf");
    if (anyOf != null) for (JsonNode a : anyOf) walk((ObjectNode) a, defs, where);
  }

  /** openai-python's rule too: a {@code $ref} beside other keywords is replaced by its target. */
  private static void inlineRef(ObjectNode node, JsonNode defs) {
    JsonNode ref = node.get("$ref");
    if (ref == null || node.size() == 1) return;
    String path = ref.asText();
    if (defs == null || !path.startsWith("#/$defs/")) {
      node.remove("description");
      return;
    }
    JsonNode target = defs.get(path.substring("#/$defs/".length()));
    if (target == null) return;
    node.remove("$ref");
    Iterator<Map.Entry<String, JsonNode>> it = target.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!node.has(e.getKey())) node.set(e.getKey(), e.getValue().deepCopy());
    }
  }

  private static boolean isObject(JsonNode type) {
    if (type == null) return false;
    if (type.isTextual()) return type.asText().equals("object");
    for (JsonNode t : type) if (t.asText().equals("object")) return true;
    return false;
  }

  /** The levels of objects in {@code node}; arrays and unions add none. */
  private static int depth(JsonNode node, int[] count) {
    int deepest = 0;
    JsonNode properties = node.get("properties");
    if (properties != null) {
      count[0] += properties.size();
      for (JsonNode p : properties) deepest = Math.max(deepest, depth(p, count));
    }
    JsonNode items = node.get("items");
    if (items != null) deepest = Math.max(deepest, depth(items, count));
    JsonNode anyOf = node.get("anyOf");
    if (anyOf != null) for (JsonNode a : anyOf) deepest = Math.max(deepest, depth(a, count));
    return deepest + (properties != null ? 1 : 0);
  }
}
