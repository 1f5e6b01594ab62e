package dev.chatwire.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.error.ApiError;
import dev.chatwire.model.FunctionDefinition;
import dev.chatwire.model.JsonSchemaFormat;
import dev.chatwire.model.ResponseFormat;
import dev.chatwire.model.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The little JSON the tool reads itself, with Jackson's streaming parser. */
final class Json {
  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** Whether {@code text} is exactly one JSON value. */
  static boolean isOneValue(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) return false;
      p.skipChildren();
      return p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The {@code response_format} for a schema file: either a bare JSON Schema (named after the
   * file) or a {@code json_schema} object with {@code name} and {@code schema}.
   */
  static ResponseFormat schemaFormat(String fileName, String text) {
    String name = null;
    String schema = null;
    String description = null;
    Boolean strict = null;
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new UsageException(
          "--schema " + fileName + " must hold a JSON object (a JSON Schema)");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("name") && t == JsonToken.VALUE_STRING) name = p.getText();
        else if (field.equals("description") && t.isScalarValue()) description = p.getText();
        else if (field.equals("strict") && t.isBoolean()) strict = p.getBooleanValue();
        else if (field.equals("schema") && t == JsonToken.START_OBJECT) schema = copy(p);
        else p.skipChildren();
      }
      if (p.nextToken() != null) throw new UsageException("--schema " + fileName
          + " holds more than one JSON value");
    } catch (JsonProcessingException e) {
      throw new UsageException("--schema " + fileName + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean wrapper = name != null && schema != null;
    JsonSchemaFormat.Builder f = JsonSchemaFormat.builder()
        .name(wrapper ? name : schemaName(fileName))
        .schema(wrapper ? schema : text.trim());
    if (wrapper) f.description(description).strict(strict);
    return ResponseFormat.jsonSchema(f.build());
  }

  /**
   * The tool a {@code --tool} file defines: a function ({@code name}, {@code description}, {@code
   * parameters}, {@code strict}) or a whole tool ({@code {"type": "function", "function": {...}}}).
   */
  static Tool tool(String fileName, String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) throw new UsageException(
          "--tool " + fileName + " must hold a JSON object (a function definition)");
      FunctionDefinition f = function(fileName, p);
      if (p.nextToken() != null) throw new UsageException("--tool " + fileName
          + " holds more than one JSON value");
      return Tool.function(f);
    } catch (JsonProcessingException e) {
      throw new UsageException("--tool " + fileName + " is not valid JSON (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FunctionDefinition function(String fileName, JsonParser p) throws IOException {
    FunctionDefinition inner = null;
    String name = null;
    String description = null;
    String parameters = null;
    Boolean strict = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("function") && t == JsonToken.START_OBJECT) inner = function(fileName, p);
      else if (field.equals("name") && t == JsonToken.VALUE_STRING) name = p.getText();
      else if (field.equals("description") && t.isScalarValue()) description = p.getText();
      else if (field.equals("strict") && t.isBoolean()) strict = p.getBooleanValue();
      else if (field.equals("parameters") && t == JsonToken.START_OBJECT) parameters = copy(p);
      else p.skipChildren();
    }
    if (inner != null) return inner;
    if (name == null || name.isEmpty()) {
      throw new UsageException("--tool " + fileName + " names no function (\"name\")");
    }
    return FunctionDefinition.builder().name(name).description(description)
        .parameters(parameters).strict(strict).build();
  }

  /** A schema name OpenAI accepts (letters, digits, _ and -, at most 64) from a file name. */
  static String schemaName(String fileName) {
    String base = fileName.replaceFirst("(?i)\\.(schema\\.)?json$", "");
    String name = base.replaceAll("[^A-Za-z0-9_-]", "_");
    if (name.isEmpty()) name = "answer";
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  private static String copy(JsonParser p) throws IOException {
    Writer w = new StringWriter();
    try (var g = FACTORY.createGenerator(w)) {
      g.copyCurrentStructure(p);
    }
    return w.toString();
  }

  /** The {@code id} of every model in a {@code {"data": [{"id": ...}]}} list; null if not one. */
  static @Nullable List<String> modelIds(byte[] body) {
    List<String> ids = new ArrayList<>();
    boolean sawData = false;
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        if (field.equals("data") && t == JsonToken.START_ARRAY) {
          sawData = true;
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String member = p.currentName();
              JsonToken v = p.nextToken();
              if (member.equals("id") && v == JsonToken.VALUE_STRING) {
                ids.add(p.getText());
              } else {
                p.skipChildren();
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return sawData ? ids : null;
  }

  /**
   * The provider's error in an error body: OpenAI's {@code {"error": {...}}}, a flat object with
   * {@code message}, or an {@code error} string; fields are null when absent or not JSON.
   */
  static ApiError error(String body) {
    String message = null;
    String type = null;
    String code = null;
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName().toLowerCase(Locale.ROOT);
          JsonToken t = p.nextToken();
          if (field.equals("error") && t == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String member = p.currentName();
              JsonToken v = p.nextToken();
              if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                if (member.equals("message")) message = p.getText();
                else if (member.equals("type")) type = p.getText();
                else if (member.equals("code")) code = p.getText();
              } else {
                p.skipChildren();
              }
            }
          } else if (field.equals("error") && t == JsonToken.VALUE_STRING && message == null) {
            message = p.getText();
          } else if (field.equals("message") && t == JsonToken.VALUE_STRING) {
            message = p.getText();
          } else {
            p.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      // Not JSON: the body's start is shown instead.
    }
    return new ApiError(message, type, code, null, body);
  }
}
