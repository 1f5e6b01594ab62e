package dev.chatwire.internal.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonToken;
import dev.chatwire.internal.json.JsonIn;
import dev.chatwire.internal.json.JsonSupport;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Merges JSON objects member by member: members keep the order they first appeared in, and each
 * holds the raw text of its last value. Azure's {@code content_filter_results}, for one, sends
 * each category on some chunks and an empty object on others.
 */
final class ObjectMerge {
  private final Map<String, String> members = new LinkedHashMap<>();

  /** Merges the members of a raw JSON object; false (and nothing merged) if it is not one. */
  boolean merge(String rawObject) {
    Map<String, String> read = new LinkedHashMap<>();
    try {
      byte[] bytes = rawObject.getBytes(StandardCharsets.UTF_8);
      JsonIn in = JsonIn.open(bytes, 0, bytes.length, -1);
      if (in.next() != JsonToken.START_OBJECT) return false;
      for (String name = in.nextField(); name != null; name = in.nextField()) {
        read.put(name, in.raw());
      }
      in.requireEnd();
    } catch (RuntimeException e) {
      return false; // raw text a caller built by hand may be anything; it is then kept whole
    }
    members.putAll(read);
    return true;
  }

  /** The merged object as compact JSON text. */
  String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = JsonSupport.FACTORY.createGenerator(out)) {
      gen.writeStartObject();
      for (Map.Entry<String, String> e : members.entrySet()) {
        gen.writeFieldName(e.getKey());
        gen.writeRawValue(e.getValue());
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
    return out.toString();
  }
}
