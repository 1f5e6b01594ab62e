package dev.chatwire.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * OpenAI's Structured Outputs rules for a schema, written from the provider's documentation
 * (supported schemas, limitations), independent of the generator: the root is an object, not
 * anyOf; every object has {@code additionalProperties: false} and requires all its properties;
 * only the supported keywords and string formats appear; a {@code $ref} stands alone and
 * resolves; objects nest at most 10 deep; at most 5,000 properties and 1,000 enum values.
 */
final class StrictModeValidator {
  static final int MAX_DEPTH = 10;
  static final int MAX_PROPERTIES = 5000;
  static final int MAX_ENUM_VALUES = 1000;
  private static final Set<String> KEYWORDS = Set.of("type", "properties", "required",
      "additionalProperties", "items", "enum", "const", "anyOf", "$ref", "$defs", "description",
      "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "multipleOf", "minItems", "maxItems");
  private static final Set<String> TYPES =
      Set.of("string", "number", "integer", "boolean", "object", "array", "null");
  private static final Set<String> FORMATS = Set.of("date-time", "time", "date", "duration",
      "email", "hostname", "ipv4", "ipv6", "uuid");

  private final JsonNode root;
  private final List<String> violations = new ArrayList<>();
  private int properties;
  private int enumValues;

  private StrictModeValidator(JsonNode root) {
    this.root = root;
  }

  /** Every rule {@code schemaJson} breaks, each with its JSON path; empty when it complies. */
  static List<String> violations(String schemaJson) {
    try {
      return violations(new ObjectMapper().readTree(schemaJson));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> violations(JsonNode root) {
    StrictModeValidator v = new StrictModeValidator(root);
    if (!"object".equals(root.path("type").asText())) v.fail("$", "the root must be type object");
    if (root.has("anyOf")) v.fail("$", "the root must not be anyOf");
    int depth = v.node(root, "$", 0);
    JsonNode defs = root.get("$defs");
    if (defs != null) {
      Iterator<String> names = defs.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        depth = Math.max(depth, v.node(defs.get(n), "$.$defs." + n, 0));
      }
    }
    if (depth > MAX_DEPTH) v.fail("$", "nesting depth " + depth + " > " + MAX_DEPTH);
    if (v.properties > MAX_PROPERTIES) v.fail("$", v.properties + " properties > " + MAX_PROPERTIES);
    if (v.enumValues > MAX_ENUM_VALUES) v.fail("$", v.enumValues + " enum values > " + MAX_ENUM_VALUES);
    return v.violations;
  }

  /** Checks {@code n} and below; returns the object depth below it, {@code n} included. */
  private int node(JsonNode n, String path, int level) {
    if (!n.isObject()) {
      fail(path, "a schema must be an object");
      return 0;
    }
    Iterator<String> keys = n.fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      if (!KEYWORDS.contains(k)) fail(path, "unsupported keyword " + k);
      if (k.equals("$defs") && level > 0) fail(path, "$defs only at the root");
    }
    if (n.has("$ref")) {
      if (n.size() != 1) fail(path, "$ref must stand alone");
      String ref = n.get("$ref").asText();
      if (!ref.equals("#") && root.at(ref.substring(1)).isMissingNode()) {
        fail(path, "$ref " + ref + " does not resolve");
      }
      return 0;
    }
    Set<String> types = new TreeSet<>();
    JsonNode type = n.get("type");
    if (type != null) {
      if (type.isArray()) type.forEach(t -> types.add(t.asText()));
      else types.add(type.asText());
      for (String t : types) if (!TYPES.contains(t)) fail(path, "unknown type " + t);
    } else if (!n.has("anyOf") && !n.has("enum") && !n.has("const")) {
      fail(path, "no type");
    }
    if (n.has("format") && !FORMATS.contains(n.get("format").asText())) {
      fail(path, "unsupported format " + n.get("format").asText());
    }
    if (n.has("enum")) {
      enumValues += n.get("enum").size();
      for (JsonNode e : n.get("enum")) {
        if (e.isNull() && !types.contains("null")) fail(path, "enum has null but type does not");
      }
    }
    int deepest = 0;
    if (types.contains("object")) {
      JsonNode props = n.get("properties");
      if (props == null || !props.isObject()) fail(path, "an object needs properties");
      if (!n.path("additionalProperties").isBoolean() || n.get("additionalProperties").asBoolean()) {
        fail(path, "additionalProperties must be false");
      }
      Set<String> names = new TreeSet<>();
      if (props != null) props.fieldNames().forEachRemaining(names::add);
      Set<String> required = new TreeSet<>();
      n.path("required").forEach(r -> required.add(r.asText()));
      if (!required.equals(names) || n.path("required").size() != names.size()) {
        fail(path, "required " + required + " must list every property " + names);
      }
      properties += names.size();
      for (String p : names) {
        deepest = Math.max(deepest, node(props.get(p), path + ".properties." + p, level + 1));
      }
    } else if (n.has("properties") || n.has("additionalProperties")) {
      fail(path, "properties on a non-object");
    }
    if (types.contains("array")) {
      if (!n.has("items")) fail(path, "an array needs items");
      else deepest = Math.max(deepest, node(n.get("items"), path + ".items", level + 1));
    }
    if (n.has("anyOf")) {
      int i = 0;
      for (JsonNode a : n.get("anyOf")) {
        deepest = Math.max(deepest, node(a, path + ".anyOf[" + i++ + "]", level + 1));
      }
    }
    return deepest + (types.contains("object") ? 1 : 0);
  }

  private void fail(String path, String rule) {
    violations.add(path + ": " + rule);
  }
}
