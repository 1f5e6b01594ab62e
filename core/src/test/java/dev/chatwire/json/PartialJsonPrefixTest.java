package dev.chatwire.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prefix of a few hundred JSON documents (seeded random ones, realistic tool arguments and
 * the tool arguments of the recorded provider streams): the reader never throws on one; each
 * partial value is what its closed text parses to and is consistent with the final value (a
 * prefix closure); the last equals Jackson's parse; the state does not depend on how the text
 * was cut into deltas.
 */
class PartialJsonPrefixTest {
  private static final String[] RECORDINGS = {
    "openai-parallel-tools", "groq-tool-call", "openrouter-parallel-tools",
    "deepseek-reasoning-tool-call", "mistral-tool-call", "llamacpp-tool-call",
    "ollama-parallel-tools"
  };

  static Stream<String> documents() {
    List<String> docs = new ArrayList<>(JsonDocs.generated(11, 300));
    docs.addAll(JsonDocs.toolArguments());
    docs.addAll(recordedArguments());
    return docs.stream();
  }

  @ParameterizedTest
  @MethodSource("documents")
  void everyPrefixIsConsistentWithTheWholeDocument(String doc) {
    Object expected = PlainJson.valid(doc);
    PartialJson json = new PartialJson();
    String[] closed = new String[doc.length() + 1];
    for (int i = 0; i < doc.length(); i++) {
      json.append(doc.substring(i, i + 1));
      closed[i + 1] = json.closedText();
      Object partial = json.value();
      if (closed[i + 1] == null) {
        assertThat(partial).as("prefix %d", i + 1).isNull();
      } else {
        assertThat(PlainJson.valid(closed[i + 1])).as("prefix %d", i + 1).isEqualTo(partial);
        assertConsistent(partial, expected, "prefix " + (i + 1));
      }
      assertThat(json.isComplete()).isEqualTo(doc.substring(i + 1).trim().isEmpty()
          && !(expected instanceof Number));
    }
    assertThat(json.value()).isEqualTo(expected);
    assertSplitsAgree(doc, closed);
  }

  @Test
  void largeArgumentsReadInSmallDeltasEqualTheFullParse() {
    String doc = JsonDocs.large(5, 20_000);
    Random random = new Random(5);
    PartialJson json = new PartialJson();
    Object expected = PlainJson.valid(doc);
    for (int at = 0; at < doc.length(); ) {
      int end = Math.min(doc.length(), at + 4 + random.nextInt(17));
      json.append(doc.substring(at, end));
      at = end;
      if (random.nextInt(50) == 0) assertConsistent(json.value(), expected, "at " + at);
    }
    assertThat(json.isComplete()).isTrue();
    assertThat(json.value()).isEqualTo(expected);
    assertThat(json.closedText()).isEqualTo(doc);
  }

  /** Whole, in two at every position (short documents) and at seeded random cuts. */
  private static void assertSplitsAgree(String doc, String[] closed) {
    List<int[]> cuts = new ArrayList<>();
    cuts.add(new int[] {doc.length()});
    if (doc.length() <= 200) {
      for (int k = 1; k < doc.length(); k++) cuts.add(new int[] {k, doc.length()});
    }
    for (int seed = 0; seed < 5; seed++) cuts.add(randomCuts(doc.length(), new Random(seed)));
    for (int[] ends : cuts) {
      PartialJson json = new PartialJson();
      int at = 0;
      for (int end : ends) {
        json.append(new StringBuilder(doc.substring(at, end))); // any CharSequence
        at = end;
        assertThat(json.closedText()).as("cut at %d", end).isEqualTo(closed[end]);
      }
    }
  }

  private static int[] randomCuts(int length, Random random) {
    List<Integer> ends = new ArrayList<>();
    for (int at = 0; at < length; ) {
      at = Math.min(length, at + 1 + random.nextInt(12));
      ends.add(at);
    }
    return ends.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * {@code partial} is a prefix closure of {@code whole}: containers hold the first members of
   * the whole one, all equal but the last, which is consistent; a string is a prefix; anything
   * else is equal.
   */
  static void assertConsistent(@Nullable Object partial, @Nullable Object whole, String where) {
    if (partial instanceof Map) {
      assertThat(whole).as(where).isInstanceOf(Map.class);
      Iterator<? extends Map.Entry<?, ?>> w = ((Map<?, ?>) whole).entrySet().iterator();
      Iterator<? extends Map.Entry<?, ?>> p = ((Map<?, ?>) partial).entrySet().iterator();
      while (p.hasNext()) {
        Map.Entry<?, ?> pe = p.next();
        assertThat(w.hasNext()).as(where).isTrue();
        Map.Entry<?, ?> we = w.next();
        assertThat(pe.getKey()).as(where).isEqualTo(we.getKey());
        if (p.hasNext()) assertThat(pe.getValue()).as(where).isEqualTo(we.getValue());
        else assertConsistent(pe.getValue(), we.getValue(), where + "." + pe.getKey());
      }
    } else if (partial instanceof List) {
      assertThat(whole).as(where).isInstanceOf(List.class);
      List<?> p = (List<?>) partial;
      List<?> w = (List<?>) whole;
      assertThat(p.size()).as(where).isLessThanOrEqualTo(w.size());
      for (int i = 0; i < p.size(); i++) {
        if (i < p.size() - 1) assertThat(p.get(i)).as(where).isEqualTo(w.get(i));
        else assertConsistent(p.get(i), w.get(i), where + "[" + i + "]");
      }
    } else if (partial instanceof String) {
      assertThat(whole).as(where).isInstanceOf(String.class);
      assertThat((String) whole).as(where).startsWith((String) partial);
    } else {
      assertThat(Objects.equals(partial, whole)).as(where + ": " + partial + " vs " + whole).isTrue();
    }
  }

  private static List<String> recordedArguments() {
    List<String> out = new ArrayList<>();
    for (String name : RECORDINGS) {
      String text = resource("/streams/" + name + ".expected.json");
      for (Object choice : (List<?>) ((Map<?, ?>) PlainJson.valid(text)).get("choices")) {
        Object calls = ((Map<?, ?>) ((Map<?, ?>) choice).get("message")).get("tool_calls");
        if (!(calls instanceof List)) continue;
        for (Object call : (List<?>) calls) {
          out.add((String) ((Map<?, ?>) ((Map<?, ?>) call).get("function")).get("arguments"));
        }
      }
    }
    assertThat(out).hasSizeGreaterThanOrEqualTo(RECORDINGS.length);
    return out;
  }

  private static String resource(String path) {
    try (InputStream in = PartialJsonPrefixTest.class.getResourceAsStream(path)) {
      if (in == null) throw new IllegalStateException("missing " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
